#!/usr/bin/env bash
# Makes sure the Debian/Ubuntu packages Qt, Chinese text and the test suite (PostgreSQL) need are present.
# As root it installs what is missing; otherwise it prints the exact command and stops.
# fonts-noto-cjk is required like the rest: without it Chinese renders as boxes on screen and in the
# notices, and the notice tests fail saying so.
set -eu

required="python3-venv libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 postgresql fonts-noto-cjk"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian/Ubuntu system; install Qt 6's runtime libraries and a CJK font yourself."
    exit 0
fi

missing() {
    for pkg in $1; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || printf '%s ' "$pkg"
    done
}

need=$(missing "$required")
[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    echo "system-deps: installing $need"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $need >/dev/null
    exit 0
fi

echo "system-deps: missing packages. Run:"
echo "    sudo apt-get install -y $need"
exit 1
