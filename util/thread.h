/*
 * thread.h: run the two halves of a job side by side, one on a second thread.
 *
 * Reading the two sources of a comparison, fingerprinting a large model and writing a long
 * snapshot list all split their work in two the same way. A system that refuses a thread
 * only makes them slower: both halves then run on the calling thread, one after the other.
 */
#ifndef SD_UTIL_THREAD_H
#define SD_UTIL_THREAD_H

#include <stdbool.h>

#include "util/err.h"

typedef void (*sd_thread_fn)(void *arg);

/*
 * Run fn(there) on a second thread and fn(here) on this one, and return when both are done.
 * When no thread can be started, fn(here) and then fn(there) run here. False only when the
 * second thread could not be waited for: then fn(there) may still be running.
 */
SD_MUST_CHECK bool sd_thread_both(sd_thread_fn fn, void *here, void *there);

#endif
