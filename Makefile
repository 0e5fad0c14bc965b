# The two commands of the README. Each installs what it needs first (scripts/setup.sh).
.PHONY: run test build bench bench-core screenshots

run:            ## serve the widget at http://127.0.0.1:8080
	scripts/run.sh

test:           ## every test tier: native, component (headless Chromium), release build, end-to-end
	scripts/test.sh

build:          ## release build into dist/
	scripts/setup.sh build && PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" trunk build --release

bench:          ## build the release site and measure it: sizes, Lighthouse, browser timings, memory, core (scripts/bench.mjs)
	$(MAKE) build && scripts/setup.sh test && CHROME_PATH=/usr/bin/chromium node scripts/bench.mjs

bench-core:     ## criterion micro-benchmark of the core on a synthetic 1000-question standard
	cargo bench -p brand-core --bench scoring

screenshots:    ## screenshots of the built site in e2e/artifacts/
	$(MAKE) build && scripts/setup.sh test && node e2e/screenshots.mjs
