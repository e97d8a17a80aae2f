# A private C# compiler server for one run of a script. Sourced by scripts/test.sh; not run on its own.
#
# Every build of a run (the solution, and the template test's generated service and its `dotnet ef`) then compiles in
# one warm Roslyn process instead of a cold `csc` per project: about half the CPU of a clean build on 2 cores
# (README "Continuous integration"). Machines and CI images often turn the shared server off (UseSharedCompilation=false)
# so that no compiler outlives a build: this one has a name of its own and is stopped when the run ends, on every exit
# path, leaving any other compiler server alone.

compiler_server_owned=""

# Turns the private server on for everything started from here on; a run started by another run (the template test's
# generated service) uses its parent's server and leaves stopping it to the parent.
compiler_server_start() {
  if [ -n "${SharedCompilationId:-}" ] && [ "${UseSharedCompilation:-}" = "true" ]; then
    return 0
  fi
  compiler_server_owned="test-$$-$RANDOM"
  export UseSharedCompilation=true SharedCompilationId="$compiler_server_owned"
}

# Stops the server this run started, if one was started (found by its pipe name).
compiler_server_stop() {
  [ -n "$compiler_server_owned" ] || return 0
  local cmdline pid
  # Each argument of a command line ends in a NUL: -z -x matches the server's pipe name argument exactly (the pattern
  # comes on stdin, so that grep's own command line does not match).
  for cmdline in $(grep -l -z -x -F -f - /proc/[0-9]*/cmdline 2>/dev/null <<<"-pipename:$compiler_server_owned"); do
    pid=${cmdline#/proc/}
    kill "${pid%/cmdline}" 2>/dev/null || true
  done
  compiler_server_owned=""
}
