# Sourced by the scripts: tool paths that the setup installed.
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
