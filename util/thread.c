/*
 * thread.c: sd_thread_both(), the one place that starts and joins a helper thread for
 * work split in two (see thread.h).
 */
#include "util/thread.h"

#include <stdbool.h>

#include <pthread.h>

/* fn and its argument, for the second thread (pthread's start routine returns a pointer). */
typedef struct thread_call {
    sd_thread_fn fn;
    void *arg;
} thread_call;

static void *
thread_call_run(void *p)
{
    const thread_call *call = p;
    call->fn(call->arg);
    return NULL;
}

bool
sd_thread_both(sd_thread_fn fn, void *here, void *there)
{
    thread_call call = { fn, there };
    pthread_t thread;
    bool threaded = pthread_create(&thread, NULL, thread_call_run, &call) == 0;
    fn(here);
    if (!threaded) {
        fn(there);
        return true;
    }
    return pthread_join(thread, NULL) == 0;
}
