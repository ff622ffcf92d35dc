# Thin wrapper so that the README's two commands work on a fresh Debian 12 machine as root:
#   make demo   - build, then run a real drift check on two SQLite files made from examples/
#   make test   - build, run the whole CTest suite, then again under ASan + UBSan (all but the
#                 shared corpus and the round trips with generated rows, which run once)
# Both install whatever Debian packages are missing first.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60

# Everything the build, the tests and the demo need.
DEB_PACKAGES = gcc clang make cmake pkg-config git ca-certificates sqlite3 python3 \
	libpq-dev libsqlite3-dev libyaml-dev libxxhash-dev libjansson-dev libcmocka-dev \
	libpg-query-dev libprotobuf-c-dev clang-format clang-tidy libclang-rt-14-dev \
	postgresql-15 postgresql-client-15

.PHONY: all deps build demo test test-builds test-normal test-asan test-pg fuzz clean

all: build

deps:
	@./scripts/install-deps.sh $(DEB_PACKAGES)

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@./scripts/demo.sh $(BUILD)/schemadrift $(BUILD)/demo

test: deps test-builds test-normal test-asan

# Every build type a user or packager may pick compiles with gcc and clang, warnings as errors
# (gcc builds RelWithDebInfo for the suite and Debug for the sanitizer run already).
test-builds: deps
	@for build in gcc:Release gcc:MinSizeRel clang:Debug clang:Release clang:RelWithDebInfo \
	  clang:MinSizeRel; do \
	  cc=$${build%%:*}; type=$${build#*:}; dir=$(BUILD)-$$type-$$cc; \
	  echo "== $$type build with $$cc"; \
	  CC=$$cc cmake -S . -B $$dir -DCMAKE_BUILD_TYPE=$$type > /dev/null && \
	  cmake --build $$dir -j$(JOBS) -- --no-print-directory > $$dir.log 2>&1 || \
	  { grep -E 'error|warning' $$dir.log | head -40; exit 1; }; \
	done

test-normal: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

# Only the PostgreSQL tests (all pairs, the shared corpus against
# tests/corpus/pg_known_failures.txt, the CLI tests and the field coverage check); `make test`
# runs them too.
test-pg: build
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure -L pg

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSD_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest -j$(JOBS) --output-on-failure -L 'unit|integration' -LE 'corpus|rows'

fuzz: deps
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DSD_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_sqltok fuzz_snapshot fuzz_diff fuzz_split
	@./scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) $(BUILD)-*-gcc $(BUILD)-*-clang $(BUILD)-*.log
