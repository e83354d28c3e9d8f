# Sourced by a bench after its `cd` to the repository: `needs TOOL...` stops the bench at once, saying what
# is missing and how to install it (without it, a bench lacking wrk printed its table's header and ended,
# status 1, with no word of why).
needs() {
  local missing=() tool
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "$(basename "$0"): ${missing[*]} not installed; \`bash scripts/install-deps.sh bench\` installs what the benches run (\`make bench\` does it first)" >&2
  exit 2
}
