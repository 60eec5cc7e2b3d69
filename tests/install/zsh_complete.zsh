# complete.zsh FPATH_DIR LINE...: for each LINE, the candidates zsh's completion offers (cursor at
# the end of LINE), one per line, sorted, then a line "--".
zmodload zsh/zpty
dir=$1; shift
out=$(mktemp)
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -D"
# Every match the completion functions add is also written to $out: compadd -O collects the
# matches instead of adding them, after dropping the options that name an array to fill.
zpty -w z "compadd() { local -a args hits; local skip=0 a; for a in \"\$@\"; do if ((skip)); then skip=0; elif [[ \$a == -[DOA] ]]; then skip=1; else args+=(\"\$a\"); fi; done; builtin compadd -O hits \"\${args[@]}\"; print -rl -- \$hits >>$out; builtin compadd \"\$@\"; }"
# Wait until the shell has read all of that, so no keystroke below arrives before the prompt.
zpty -w z "print -r -- __ready__ >>$out"
for i in {1..200}; do grep -q __ready__ $out 2>/dev/null && break; sleep 0.05; done
for line in "$@"; do
  : >$out
  zpty -w -n z "$line"$'\t'
  zpty -w -n z $'\C-u'
  zpty -w z "print -r -- __done__ >>$out"
  for i in {1..200}; do grep -q __done__ $out && break; sleep 0.05; done
  grep -v -e __done__ -e '^$' $out | LC_ALL=C sort -u
  print -- --
done
zpty -d z
rm -f $out
