# Tumbuh build.
#
#   make            build build/tumbuh (optimised)
#   make test       build everything under AddressSanitizer + UBSan and run every test
#   make bench      run the benchmarks under bench/ (optimised build)
#   make fuzz       build the libFuzzer targets (clang)
#   make run        build build/tumbuh and serve the demo district (tumbuh.db)
#   make format     clang-format every source
#   make clean      remove build/
#
# The fast loop. make runs one job per core (make -jN sets another number)
# and keeps every object, so a second `make test` with nothing changed
# compiles nothing and only runs the tests, which tests/run.sh also runs in
# parallel (TEST_JOBS, default one per core). After changing a file:
#   make test T=test_csv                 rebuild what changed, run that test only
#   make test T="test_store web_scope"   several: a C test by its binary name
#                                        (tests/test_*.c), a shell test by its
#                                        tests/cli/ name (.sh optional)
# then `make test` (every test) before committing.
#
# Layout (dependencies point downwards only; docs/ARCHITECTURE.md):
#   lib/   libtumbuh: pure computation (growth standards, statistics). No I/O,
#          no mutable globals, no hidden allocation.
#   src/   the application, one folder per layer: base, format, store,
#          import and report, web and cli. Sources are found by folder.
#   tools/ build-time generators (the WHO tables are compiled in from WHO_DIR).
#
# WHO_DIR names the directory holding WHO's growth tables (default ../shared/who).
# Its files are checked against data/who-tables.sha256 before they are compiled in.

WHO_DIR ?= ../shared/who

# WILAYAH_DIR names the directory of the national area code list
# (kode-wilayah-2025.csv and its SHA256SUMS). Its absolute path is compiled
# into the binary as the default; $TUMBUH_WILAYAH overrides it at run time.
WILAYAH_DIR ?= ../shared/wilayah
WILAYAH_DEF := -DTB_WILAYAH_DIR='"$(abspath $(WILAYAH_DIR))"'

# Parallel by default: one job per core unless the command line says -jN
# (make clean is kept serial when asked for together with other goals).
NPROC := $(shell nproc 2>/dev/null || echo 2)
ifeq (,$(filter -j%,$(MAKEFLAGS)))
ifeq (,$(and $(filter clean,$(MAKECMDGOALS)),$(filter-out clean,$(MAKECMDGOALS))))
MAKEFLAGS += -j$(NPROC)
endif
endif
CC      ?= cc
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
PKGS    := sqlite3 libsodium libmicrohttpd jansson xlsxwriter libzip expat cairo
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
INCS    := -Ilib -Isrc -Ibuild/gen
LIBS    := $(PKG_LIBS) -lpthread -lm

OPT_FLAGS  := -O2 -g -march=x86-64-v2
SAN_FLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIB_SRC  := $(sort $(wildcard lib/*.c))
LAYERS   := base format store import report web cli
APP_SRC  := $(sort $(filter-out src/cli/main.c,$(foreach d,$(LAYERS),$(wildcard src/$(d)/*.c))))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
GEN_SRC  := build/gen/who_tables.c build/gen/assets.c
ASSETS   := assets/app.css assets/app.js docs/openapi.json

# Two object trees: release (build/o) and sanitized (build/san).
REL_OBJ := $(patsubst %.c,build/o/%.o,$(LIB_SRC) $(APP_SRC)) build/o/gen/who_tables.o build/o/gen/assets.o
SAN_OBJ := $(patsubst %.c,build/san/%.o,$(LIB_SRC) $(APP_SRC)) build/san/gen/who_tables.o build/san/gen/assets.o
TEST_OBJ := $(patsubst %.c,build/san/%.o,$(TEST_SRC))
TEST_BIN := $(patsubst tests/%.c,build/tests/%,$(TEST_SRC))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))

.PHONY: all run test bench fuzz clean format who-tables
all: build/tumbuh

# The main job: the web application on the embedded SQLite store (tumbuh.db,
# or $$TUMBUH_DB), with the demo district created when the database is empty.
run: build/tumbuh
	build/tumbuh serve

# --- WHO tables -------------------------------------------------------------
build/gen/.who-verified: data/who-tables.sha256
	@mkdir -p build/gen
	@scripts/verify-who-tables.sh "$(WHO_DIR)" data/who-tables.sha256
	@touch $@

build/whogen: tools/whogen.c
	@mkdir -p build
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $<

build/gen/who_tables.c: build/whogen build/gen/.who-verified
	build/whogen "$(WHO_DIR)" > $@.tmp && mv $@.tmp $@

who-tables: build/gen/who_tables.c

# --- embedded web assets ----------------------------------------------------
build/embed: tools/embed.c
	@mkdir -p build
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $<

build/gen/assets.c: build/embed $(ASSETS)
	@mkdir -p build/gen
	build/embed $(ASSETS) > $@.tmp && mv $@.tmp $@

build/o/gen/assets.o: build/gen/assets.c src/base/assets.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -O2 $(INCS) -c -o $@ $<
build/san/gen/assets.o: build/gen/assets.c src/base/assets.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -O1 $(INCS) -c -o $@ $<
build/fuzzobj/gen/assets.o: build/gen/assets.c src/base/assets.h
	@mkdir -p $(dir $@)
	clang $(CSTD) -O1 $(INCS) -c -o $@ $<

# --- objects ----------------------------------------------------------------
build/o/gen/who_tables.o: build/gen/who_tables.c lib/tb_growth.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -O2 $(INCS) -c -o $@ $<
build/san/gen/who_tables.o: build/gen/who_tables.c lib/tb_growth.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -O1 $(INCS) -c -o $@ $<
build/fuzzobj/gen/who_tables.o: build/gen/who_tables.c lib/tb_growth.h
	@mkdir -p $(dir $@)
	clang $(CSTD) -O1 $(INCS) -c -o $@ $<

build/o/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT_FLAGS) $(INCS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<
build/san/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(SAN_FLAGS) $(INCS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

# the compiled-in default of the national code list (import/wilayah.c only)
build/o/src/import/wilayah.o build/san/src/import/wilayah.o build/fuzzobj/src/import/wilayah.o: \
	CSTD += $(WILAYAH_DEF)

# --- programs ---------------------------------------------------------------
build/tumbuh: build/o/src/cli/main.o $(REL_OBJ)
	$(CC) $(OPT_FLAGS) -o $@ $^ $(LIBS)

build/san/tumbuh: build/san/src/cli/main.o $(SAN_OBJ)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LIBS)

# A static pattern rule names each test object, so make never deletes it as
# an intermediate file (a second `make test` relinks and recompiles nothing).
$(TEST_BIN): build/tests/%: build/san/tests/%.o $(SAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LIBS)

# --- tests ------------------------------------------------------------------
# Every test binary prints "N passed, N failed" for itself; tests/run.sh runs
# them all and the CLI tests (which drive build/san/tumbuh), in parallel, and
# prints the closing total. T="name ..." runs only those tests and builds
# only what they need: a C test its binary, a shell test build/san/tumbuh,
# fuzz_smoke the fuzz targets.
T :=
T_NAMES := $(patsubst %.sh,%,$(notdir $(T)))
ifeq ($(strip $(T)),)
TEST_NEEDS := $(TEST_BIN) build/san/tumbuh build/tumbuh $(FUZZ_BIN)
else
TEST_NEEDS := $(addprefix build/tests/,$(filter test_%,$(T_NAMES))) \
              $(if $(filter-out test_%,$(T_NAMES)),build/san/tumbuh) \
              $(if $(filter fuzz_smoke,$(T_NAMES)),$(FUZZ_BIN))
endif
test: $(TEST_NEEDS)
	@WHO_DIR="$(WHO_DIR)" tests/run.sh $(T)

BENCH_TOOLS := build/bench/gen_anthro build/bench/floor_copy
build/bench/gen_anthro: bench/gen_anthro.c
	@mkdir -p build/bench
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $< -lm
build/bench/floor_copy: bench/floor_copy.c build/o/src/format/csv.o
	@mkdir -p build/bench
	$(CC) $(CSTD) $(WARN) $(OPT_FLAGS) $(INCS) -o $@ $^ -lm

bench: build/tumbuh $(BENCH_TOOLS)
	@bench/run.sh

# --- fuzzing (clang, libFuzzer) ---------------------------------------------
# The targets fuzz the file readers of src/format/, which may use only lib/
# and src/base/ (the layers), so lib/ and FUZZ_LAYERS are compiled once, with
# the fuzzer's coverage instrumentation and the sanitizers, into
# build/fuzzobj/ and archived; each target is linked against the archive,
# which pulls in only the objects the target uses. A target for a higher
# layer adds that layer (and the ones below it) to FUZZ_LAYERS.
FUZZ_LAYERS := base format
FUZZ_FLAGS  := -g -O1 -fsanitize=address,undefined
FUZZ_LIBOBJ := $(patsubst %.c,build/fuzzobj/%.o,$(LIB_SRC) \
                 $(sort $(foreach d,$(FUZZ_LAYERS),$(wildcard src/$(d)/*.c)))) \
               build/fuzzobj/gen/who_tables.o build/fuzzobj/gen/assets.o
FUZZ_OBJ    := $(patsubst %.c,build/fuzzobj/%.o,$(FUZZ_SRC))
fuzz: $(FUZZ_BIN)
build/fuzzobj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(CSTD) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(INCS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<
build/fuzzobj/libtumbuh.a: $(FUZZ_LIBOBJ)
	rm -f $@
	ar rcs $@ $^
$(FUZZ_BIN): build/fuzz/%: build/fuzzobj/tests/fuzz/%.o build/fuzzobj/libtumbuh.a
	@mkdir -p build/fuzz
	clang $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

format:
	clang-format -i lib/*.[ch] src/*/*.[ch] tests/*.c tests/fuzz/*.c tools/*.c bench/*.c

clean:
	rm -rf build

-include $(patsubst %.o,%.d,$(REL_OBJ) $(SAN_OBJ) $(TEST_OBJ) $(FUZZ_LIBOBJ) $(FUZZ_OBJ) \
           build/o/src/cli/main.o build/san/src/cli/main.o build/o/src/format/csv.o)
