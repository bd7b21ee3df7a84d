#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian), idempotently.
# - gpsd's reference decoder `gpsdecode`, unpacked into .tools/ (the package itself
#   pulls a desktop stack, so we take its binary and install only its library).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
need_update=1
apt_install() {
  if [ $need_update -eq 1 ]; then $SUDO apt-get update -qq; need_update=0; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
if [ ! -x .tools/gpsd/usr/bin/gpsdecode ]; then
  for pkg in libgps28 libusb-1.0-0 libbluetooth3; do dpkg -s "$pkg" >/dev/null 2>&1 || apt_install "$pkg"; done
  mkdir -p .tools/gpsd
  ( cd .tools && { [ $need_update -eq 0 ] || $SUDO apt-get update -qq; } && apt-get download gpsd-clients >/dev/null 2>&1 && dpkg -x gpsd-clients_*.deb gpsd && rm -f gpsd-clients_*.deb )
fi
.tools/gpsd/usr/bin/gpsdecode -V >/dev/null 2>&1 || { echo "gpsdecode did not install" >&2; exit 1; }
# - Debian's chromium for the browser tests of packages/web (driven by playwright-core,
#   which downloads no browser of its own).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
/usr/bin/chromium --version >/dev/null 2>&1 || { echo "chromium did not install" >&2; exit 1; }
# - GDAL's command-line tools (`ogrinfo`, `ogr2ogr`) from Debian's gdal-bin: the server's
#   export tests read every GeoJSON, KML and CSV export back with them.
if ! command -v ogrinfo >/dev/null 2>&1; then
  apt_install gdal-bin
fi
ogrinfo --version >/dev/null 2>&1 || { echo "gdal-bin (ogrinfo) did not install" >&2; exit 1; }
