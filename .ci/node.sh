# Sourced, not run: `. .ci/node.sh` (by .ci/run, or by hand on a machine with an old Node).
#
# Makes sure the `node` first on PATH is at least 22.12 (Parley's engines). When it is older, this
# installs the newest Node.js 24 from the npm registry — the `node-<os>-<cpu>` packages are the
# official builds repackaged: `bin/node` plus the `include/node` headers native add-ons compile
# against — into ~/.cache/parley-node/<version> (reused by later runs) and puts its bin/ first on
# PATH. It then points native builds (better-sqlite3) at the headers of the Node actually running
# (`npm_config_nodedir`): a user .npmrc naming another Node's headers, or node-gyp's fallback of
# downloading them (no internet on CI), would build an add-on that refuses to load.
#
# The npm in use stays the machine's: npm 10 and 11 run on Node 24 (the node packages ship no npm).
# Settings: PARLEY_NODE_MAJOR (default 24), PARLEY_NODE_VERSION (an exact version, e.g. 24.22.3),
# PARLEY_NODE_CACHE (default ~/.cache/parley-node).

parley_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number);
             process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null
}

parley_node_install() {
  local major="${PARLEY_NODE_MAJOR:-24}" cache="${PARLEY_NODE_CACHE:-$HOME/.cache/parley-node}"
  local os cpu pkg version tmp tarball
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) os=unknown ;; esac
  case "$(uname -m)" in x86_64 | amd64) cpu=x64 ;; aarch64 | arm64) cpu=arm64 ;; *) cpu=unknown ;; esac
  pkg="node-$os-$cpu"

  version="${PARLEY_NODE_VERSION:-}"
  if [ -z "$version" ]; then
    # Newest published $major.x (one registry request); offline, the newest one already cached.
    version=$(npm view "$pkg@^$major" version 2>/dev/null | grep -oE "[0-9]+\.[0-9]+\.[0-9]+" | grep -E "^$major\." |
      sort -V | tail -n 1)
    if [ -z "$version" ]; then
      version=$(ls "$cache" 2>/dev/null | grep -E "^$major\.[0-9]+\.[0-9]+$" | sort -V | tail -n 1)
    fi
  fi
  if [ -z "$version" ]; then
    echo "no $pkg@$major on the npm registry: install Node.js $major with nvm, fnm or volta" >&2
    return 1
  fi

  if [ ! -x "$cache/$version/bin/node" ]; then
    echo "── installing Node.js $version ($pkg from the npm registry) into $cache/$version ──"
    mkdir -p "$cache" || return 1
    tmp=$(mktemp -d "$cache/.install-XXXXXX") || return 1
    tarball=$(cd "$tmp" && npm pack --silent "$pkg@$version" 2>/dev/null | tail -n 1)
    if [ -z "$tarball" ] || ! tar -xzf "$tmp/$tarball" -C "$tmp" ||
      ! "$tmp/package/bin/node" --version >/dev/null 2>&1; then
      echo "could not install $pkg@$version" >&2
      rm -rf "$tmp"
      return 1
    fi
    # Rename into place last, so an interrupted install never looks like a usable cache entry.
    rm -rf "${cache:?}/$version"
    mv "$tmp/package" "$cache/$version" && rm -rf "$tmp"
  fi
  export PATH="$cache/$version/bin:$PATH"
}

parley_node() {
  if ! parley_node_ok; then
    parley_node_install || return 1
    hash -r
  fi
  local prefix
  prefix=$(dirname "$(dirname "$(command -v node)")")
  if [ -f "$prefix/include/node/node_version.h" ]; then
    export npm_config_nodedir="$prefix"
  fi
}
