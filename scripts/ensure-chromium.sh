#!/usr/bin/env bash
# Makes sure the browser tests have a Chromium (run by the frontend's e2e global setup, so the
# README's `pnpm test` works on a bare machine). The browser is CHROMIUM_PATH, else
# /usr/bin/chromium. When it is missing and this user may install packages (root, or sudo without
# a password), Debian's `chromium` and `fonts-noto-cjk` (for the zh-CN screenshots) are installed
# with apt-get; otherwise it stops with the one command to run.
set -euo pipefail

target="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$target" ] && exit 0

packages="chromium fonts-noto-cjk"
fix="sudo apt-get update && sudo apt-get install -y $packages"

if [ "$(id -u)" = "0" ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "The browser tests need Chromium at $target, and this user cannot install it." >&2
  echo "Run this once, then run the tests again:" >&2
  echo "  $fix" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need Chromium at $target and there is no apt-get here to install it." >&2
  echo "Install Chromium and set CHROMIUM_PATH to it." >&2
  exit 1
fi

echo "Chromium is missing at $target: installing Debian's $packages (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq && $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq $packages >/dev/null; }; then
  echo "Installing Chromium failed. Run this, then run the tests again:" >&2
  echo "  $fix" >&2
  exit 1
fi

if [ ! -x "$target" ]; then
  echo "apt-get installed $packages, but there is still no Chromium at $target." >&2
  [ -n "${CHROMIUM_PATH:-}" ] && echo "CHROMIUM_PATH=$CHROMIUM_PATH: unset it to use /usr/bin/chromium, or point it at the browser." >&2
  exit 1
fi
echo "Chromium installed at $target" >&2
