# The two commands of the README. Each installs what it needs first (scripts/setup.sh).
.PHONY: run test build bench screenshots

run:            ## serve the widget at http://127.0.0.1:8080
	scripts/run.sh

test:           ## every test tier: native, component (headless Chromium), release build, end-to-end
	scripts/test.sh

build:          ## release build into dist/
	scripts/setup.sh build && PATH="$$HOME/.cargo/bin:$$PWD/node_modules/.bin:$$PATH" trunk build --release

bench:          ## core scoring benchmark (criterion)
	cargo bench -p brand-core --bench scoring

screenshots:    ## screenshots of the built site in e2e/artifacts/
	$(MAKE) build && scripts/setup.sh test && node e2e/screenshots.mjs
