# The booth kiosk. Plain make; libraries found with pkg-config.
#   make run    install what is missing, build, start the kiosk on the demo defaults
#   make test   install what is missing, build, run every test
#   make test-fresh  the two above on a fresh Debian 12 root (tests/fresh.sh)
#   make install PREFIX=/usr DESTDIR=...
#   make deb    build/kiosk_VERSION_ARCH.deb (docs/operations.md); make deb
#               ARCH=arm64|armhf a board's (make deb-arm64|armhf)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/kiosk
VERSION := $(shell cat VERSION)

CC      ?= cc
# Cross builds set these (see cross-%): another compiler and the libraries
# of another Debian architecture.
PKG_CONFIG ?= pkg-config
CFLAGS  ?= -O2 -g
LDFLAGS ?= -Wl,--as-needed
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wvla -Wpointer-arith -Wcast-qual -Wundef
# 64-bit file offsets and time_t on 32-bit boards too (armhf: Debian 12's
# glibc has both; no library the programs link takes a time_t or off_t), so
# that directories list under qemu and times pass 2038. No-ops on 64 bits.
CPPFLAGS += -D_FILE_OFFSET_BITS=64 -D_TIME_BITS=64 -DKIOSK_VERSION='"$(VERSION)"'

# Libraries: the core (no curses, no curl), then what each program adds.
# libunistring ships no .pc file on Debian; it is linked by name.
CORE_PKGS := sqlite3 libqrencode inih libxcrypt jansson nettle
CORE_LIBS := $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null) -lunistring
CORE_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(CORE_PKGS) 2>/dev/null)
UI_LIBS   := $(shell $(PKG_CONFIG) --libs ncursesw 2>/dev/null)
# The kiosk carries its own copies of every library but the C library and
# libqrencode (which Debian ships only shared): the shared ones export
# thousands of symbols whose relocations were a tenth of its start-up work
# (bench/startup.py), more on a slow board. A fix in one of them means
# rebuilding the package. The terminal database stays the system's
# (ncurses-base).
KIOSK_STATIC := ncursesw sqlite3 inih libxcrypt jansson nettle
KIOSK_LIBS := -Wl,-Bstatic $(shell $(PKG_CONFIG) --static --libs-only-l $(KIOSK_STATIC) 2>/dev/null | \
                sed 's/ -l\(m\|dl\|pthread\) / /g') -lunistring -Wl,-Bdynamic \
              $(shell $(PKG_CONFIG) --libs libqrencode 2>/dev/null) -lm
UI_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
NET_LIBS  := $(shell $(PKG_CONFIG) --libs libcurl 2>/dev/null)
NET_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcurl 2>/dev/null)
TEST_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

ALL_CFLAGS = $(WARN) $(CORE_CFLAGS) $(UI_CFLAGS) $(NET_CFLAGS) $(CPPFLAGS) $(CFLAGS)

# Which file belongs to which program: main.c and term.c are the UI's,
# kioskctl.c and ctl_*.c the command line's, upload.c owns curl; the rest is
# the pure core that unit tests link without curses or curl.
UI_SRC   := src/main.c src/term.c
CTL_SRC  := src/kioskctl.c $(wildcard src/ctl_*.c) $(wildcard src/upload.c)
CORE_SRC := $(filter-out $(UI_SRC) $(CTL_SRC),$(wildcard src/*.c))
CORE_OBJ := $(CORE_SRC:src/%.c=build/obj/%.o)
UI_OBJ   := $(UI_SRC:src/%.c=build/obj/%.o)
CTL_OBJ  := $(CTL_SRC:src/%.c=build/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
# Helper programs for the script tests (tests/tools) and benchmarks (bench).
TOOL_BIN := $(patsubst tests/tools/%.c,build/tools/%,$(filter-out tests/tools/faketime64.c,$(wildcard tests/tools/*.c)))
BENCH_BIN := $(patsubst bench/%.c,build/bench/%,$(wildcard bench/*.c))

.PHONY: FORCE all deps test-deps run test test-programs test-asan test-fresh install uninstall clean bench fuzz deb

all: build/kiosk build/kioskctl

deps:
	@./deploy/deps.sh

test-deps:
	@./deploy/deps.sh test

# Each object depends on the headers it includes, as the compiler found
# them (-MMD writes build/obj/NAME.d, read at the end of this file; -MP
# adds an empty rule per header, so removing a header is no error).
DEP_FLAGS := -MMD -MP

build/obj/%.o: src/%.c VERSION build/flags | build/obj
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) -c -o $@ $<

# The compiler and flags of the objects in build/obj: rewritten, and so every
# object built again, when they change (a cross build's tree keeps its build/).
BUILD_FLAGS = $(CC) $(ALL_CFLAGS)
build/flags: FORCE | build/obj
	@$(if $(subst x$(BUILD_FLAGS),,x$(file <$@)),$(file >$@,$(BUILD_FLAGS)))
FORCE:

build/libcore.a: $(CORE_OBJ)
	@rm -f $@ && ar rcs $@ $^

build/kiosk: $(UI_OBJ) build/libcore.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UI_OBJ) build/libcore.a $(KIOSK_LIBS)

build/kioskctl: $(CTL_OBJ) build/libcore.a
	@echo "  LINK    $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CTL_OBJ) build/libcore.a $(NET_LIBS) $(CORE_LIBS)

build/tests/%: tests/unit/%.c tests/unit/unit.h build/libcore.a | build/tests
	@echo "  LINK    $@"
	@$(CC) $(WARN) $(CORE_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DEP_FLAGS) -Isrc -o $@ $< build/libcore.a $(TEST_LIBS) $(CORE_LIBS)

build/tools/%: tests/tools/%.c build/libcore.a | build/tools
	@echo "  LINK    $@"
	@$(CC) $(WARN) $(CORE_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DEP_FLAGS) -Isrc -o $@ $< build/libcore.a $(CORE_LIBS)

# Preloaded with libfaketime (tests/faketime.bash): its own time_t, so no
# CPPFLAGS, and no sanitizers (the tests that preload it skip them).
build/tools/faketime64.so: tests/tools/faketime64.c | build/tools
	@echo "  LINK    $@"
	@$(CC) $(WARN) -O2 -shared -fPIC -o $@ $<

build/bench/%: bench/%.c bench/bench.h build/libcore.a | build/bench
	@echo "  LINK    $@"
	@$(CC) $(WARN) $(CORE_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(DEP_FLAGS) -Isrc -o $@ $< build/libcore.a $(CORE_LIBS)

build/obj build/tests build/tools build/bench:
	mkdir -p $@

# The content folder of the demo booth, laid out like an installed release:
# links to this checkout's screens, catalogs and assets (and content.db).
build/content:
	mkdir -p $@
	ln -sfn ../../screens $@/screens
	ln -sfn ../../locale $@/locale
	ln -sfn ../../assets $@/assets

# The demo catalog, built from its sources (docs/content.md).
build/content/content.db: build/kioskctl $(wildcard assets/catalog/*/*.json assets/catalog/synonyms/*.txt) | build/content
	@echo "  CONTENT $@"
	@./build/kioskctl content build assets/catalog $@ >/dev/null

# The demo booth: the embedded default (state in ./var, build/content).
run: deps
	@$(MAKE) --no-print-directory all build/content build/content/content.db
	@mkdir -p var
	@./build/kioskctl set-pin --if-unset 1234 >/dev/null
	./build/kiosk

# `make test -j N` runs N tests at a time (tests/run: twice the cores when
# not given); `make test STRESS=1` (CI) kills the kiosk more often in
# tests/cli/crash_submit.sh.
TEST_JOBS = $(filter-out -j,$(filter -j%,$(MAKEFLAGS)))
test: test-deps
	@$(MAKE) --no-print-directory test-programs
	@./tests/run $(TEST_JOBS)

# Everything the tests run.
test-programs: all build/content build/content/content.db $(UNIT_BIN) $(TOOL_BIN) build/tools/faketime64.so
	@:

# Copies the checkout (without build/, var/, .git) over the tree in $(1),
# keeping that tree's own build/ so that it builds incrementally.
copy_tree = mkdir -p $(1) && find $(1) -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} + && \
	tar -cf - --exclude=./build --exclude=./var --exclude=./.git . | tar -xf - -C $(1)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer: a
# copy of the checkout in build/asan/tree (its build/ kept between runs) is
# built with the sanitizers and tested there. Every report goes to a file in
# build/asan/reports; tests/run fails the test after which one appears.
# Built with clang (the fuzzing packages): gcc's UBSan ignores log_path.
# Leak stacks use the fast unwinder: the exact one makes curl's loading of
# the system's CA certificates outlast the tests' connect timeout.
# NCURSES_GPM_TERMS empty: on TERM=linux ncurses loads libgpm for a console
# mouse, which keeps 10 bytes when no gpm daemon runs, then unloads it, so
# no suppression can name it (tests/lsan.supp). No test uses a GPM mouse.
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ASAN_DIR := $(CURDIR)/build/asan
test-asan: test-deps
	@./deploy/deps.sh fuzz
	@mkdir -p $(ASAN_DIR)/tree && rm -rf $(ASAN_DIR)/reports && mkdir -m 1777 $(ASAN_DIR)/reports
	@$(call copy_tree,$(ASAN_DIR)/tree)
	@SANITIZER_REPORTS=$(ASAN_DIR)/reports \
	ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1:log_path=$(ASAN_DIR)/reports/asan \
	UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$(ASAN_DIR)/reports/ubsan \
	LSAN_OPTIONS=suppressions=$(ASAN_DIR)/tree/tests/lsan.supp NCURSES_GPM_TERMS= \
	$(MAKE) --no-print-directory -C $(ASAN_DIR)/tree test CC=clang \
		CFLAGS="$(ASAN_FLAGS)" LDFLAGS="-Wl,--as-needed $(ASAN_FLAGS)"

# The README's two commands on a newcomer's machine: a fresh Debian 12 root
# (debootstrap, cached in FRESH_CACHE), a clone of HEAD, make run, make test.
test-fresh:
	@./deploy/deps.sh fresh
	@./tests/fresh.sh

# The ARM boards (docs/operations.md, "Choosing a board"): a copy of the
# checkout in build/ARCH/tree built with Debian's cross compiler against the
# ARCH multiarch libraries (deploy/deps.sh cross-ARCH installs both, and
# qemu-user with binfmt_misc, so that the ARCH programs run here):
#   make cross-arm64   build/arm64/tree/build/kiosk and kioskctl
#   make test-arm64    its unit and command tests, and the kiosk on a
#                      keypad in tmux, all under emulation (tests/run);
#                      then its package (tests/cli/deb_arch.sh)
#   make deb-arm64     build/arm64/tree/build/kiosk_VERSION_arm64.deb
#                      (also: make deb ARCH=arm64)
# and the same with armhf.
CROSS_ARCHS := arm64 armhf
triplet_arm64 := aarch64-linux-gnu
triplet_armhf := arm-linux-gnueabihf
# The cross compiler and libraries: for the tree's make, and for the makes
# that its tests and deploy/deb/build.sh run, which build for ARCH too.
CROSS_ENV = CC=$(triplet_$(1))-gcc \
	PKG_CONFIG="env PKG_CONFIG_LIBDIR=/usr/lib/$(triplet_$(1))/pkgconfig:/usr/share/pkgconfig pkg-config"
CROSS_MAKE = $(MAKE) --no-print-directory -C build/$(1)/tree $(call CROSS_ENV,$(1))

# What runs under emulation: the unit programs, the command tests but the
# packages' (deb.sh installs this machine's own, deb_arch.sh makes these
# builds itself), and the kiosk driven by a keypad to a saved request.
CROSS_TESTS = $(UNIT_BIN) $(filter-out tests/cli/deb.sh tests/cli/deb_arch.sh,$(wildcard tests/cli/*.sh)) \
	tests/screen/home.sh tests/screen/flow_keypad.sh
.PHONY: $(CROSS_ARCHS:%=cross-%) $(CROSS_ARCHS:%=test-%) $(CROSS_ARCHS:%=deb-%)

$(CROSS_ARCHS:%=cross-%): cross-%:
	@./deploy/deps.sh cross-$*
	@$(call copy_tree,build/$*/tree)
	+@$(call CROSS_MAKE,$*) all

$(CROSS_ARCHS:%=test-%): test-%: test-deps
	@./deploy/deps.sh cross-$*
	@$(call copy_tree,build/$*/tree)
	+@$(call CROSS_MAKE,$*) test-programs
	@cd build/$*/tree && export $(call CROSS_ENV,$*) KIOSK_ARCH=$* && start=$$(date +%s) && \
		./tests/run $(TEST_JOBS) $(CROSS_TESTS); \
		rc=$$?; echo "$* under emulation: $$(($$(date +%s) - start)) s"; exit $$rc
	@DEB_ARCHS=$* ./tests/run tests/cli/deb_arch.sh

$(CROSS_ARCHS:%=deb-%): deb-%:
	@./deploy/deps.sh cross-$*
	@$(call copy_tree,build/$*/tree)
	+@$(call CROSS_MAKE,$*) all build/content build/content/content.db
	@cd build/$*/tree && export $(call CROSS_ENV,$*) DEB_ARCH=$* && out=$$(./deploy/deb/build.sh) && \
		echo "$$out" | sed 's|^|build/$*/tree/|'

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 755 build/kiosk build/kioskctl $(DESTDIR)$(BINDIR)
	cp -R screens locale assets $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kiosk $(DESTDIR)$(BINDIR)/kioskctl
	rm -rf $(DESTDIR)$(DATADIR)

# The Debian package, built with dpkg-deb (deploy/deb/build.sh): this
# machine's, or with ARCH=arm64 or ARCH=armhf on make's command line (not
# from the environment, where other tools keep an ARCH) a board's.
DEB_BOARD := $(if $(filter command line,$(origin ARCH)),$(filter-out \
	$(shell dpkg --print-architecture 2>/dev/null),$(ARCH)))
ifeq ($(DEB_BOARD),)
deb: deps
	@$(MAKE) --no-print-directory all build/content build/content/content.db
	@./deploy/deb/build.sh
else ifneq ($(filter $(DEB_BOARD),$(CROSS_ARCHS)),)
deb: deb-$(DEB_BOARD)
else
deb:
	@echo "make deb ARCH=$(ARCH): no such board; ARCH is one of $(CROSS_ARCHS)" >&2; exit 2
endif

bench: test-deps
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	./bench/run

# libFuzzer targets (clang): each tests/fuzz/NAME.c is linked with the
# core, built once with the sanitizers into build/fuzz/libcore.a, and run for
# FUZZ_SECONDS from its committed seeds (tests/fuzz/corpus/NAME); what it
# finds goes to build/fuzz/corpus/NAME, a crash to build/fuzz/crash-*.
# Undefined behaviour stops a run like a crash does.
FUZZ_SECONDS ?= 15
FUZZ_FLAGS := $(WARN) $(CORE_CFLAGS) $(UI_CFLAGS) $(CPPFLAGS) -g -O1 -Isrc -fno-sanitize-recover=undefined
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/*.c))

build/fuzz/obj/%.o: src/%.c VERSION
	@mkdir -p build/fuzz/obj
	@echo "  CC      $@"
	@clang $(FUZZ_FLAGS) $(DEP_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

build/fuzz/libcore.a: $(CORE_SRC:src/%.c=build/fuzz/obj/%.o)
	@rm -f $@ && ar rcs $@ $^

build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h build/fuzz/libcore.a
	@echo "  LINK    $@"
	@clang $(FUZZ_FLAGS) $(DEP_FLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< build/fuzz/libcore.a $(CORE_LIBS)

fuzz:
	@./deploy/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do \
		n=$${f##*/}; mkdir -p build/fuzz/corpus/$$n; \
		$$f -max_total_time=$(FUZZ_SECONDS) -timeout=30 -artifact_prefix=build/fuzz/ \
			build/fuzz/corpus/$$n tests/fuzz/corpus/$$n || exit 1; \
	done

clean:
	rm -rf build

# The headers each object, test, tool, benchmark and fuzz target includes.
-include $(wildcard build/obj/*.d build/tests/*.d build/tools/*.d build/bench/*.d \
	build/fuzz/obj/*.d build/fuzz/*.d)
