# The Format/Lint component tests and samples/rust-workspace run cargo, rustfmt and clippy (std-only
# crates: nothing is downloaded). rustup installs them under ~/.cargo/bin, which a non-interactive
# shell may not have on PATH. Under CI=true those tests fail if cargo is still missing.
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if command -v cargo >/dev/null 2>&1; then
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    echo "warning: cargo is installed but rustfmt or clippy is missing; the Rust format/lint tests will fail" >&2
  fi
else
  echo "warning: cargo is not installed; the Rust format/lint tests will fail under CI=true" >&2
fi
