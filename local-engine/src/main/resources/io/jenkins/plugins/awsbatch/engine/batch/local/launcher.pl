# The local engine's launcher (LauncherProcess): started once per engine, it forks and execs each attempt's command
# (one fork and one exec per child), records its start and end in an append-only records file and reports both
# back. Requests wait in a queue until one of its gate's places is free: the engine keeps a few more requests here
# than may run, so the next child starts the instant one is reaped, without a round trip to the engine. It
# outlives the engine: when its stdin closes it starts nothing more (its queue is dropped), records the exit
# status of what still runs, and exits when the last child ended.
#
# Requests on stdin, fields each ended by NUL:
#   R id cwd log base argc argv... envc NAME=value...   queue: start argv[0] (searched on the env's PATH) in cwd,
#                                                         stdout and stderr to the file log, the environment
#                                                         exactly env, once the gate lets it
#   G n                                                   the gate: at most n children run at once (default: no limit)
#   C base                                                withdraw the queued request of records base (none started)
#   Q                                                     quiet: the engine shuts down, start nothing more and record
#                                                         no more exit statuses
# Replies on stdout, one line each: "READY pid", "P id pid" (started), "F id message" (not started),
# "W id" (withdrawn from the queue, never started), "X id status" (ended; a signal N as 128+N, as a shell reports
# it). An "X" is sent before the "P" of the child started in its place: the engine never sees more than n running.
# Records, one line each, written at once: "S millis pid base" by the child before its exec,
# "E millis status base" once it ended. A log left empty is removed: only what printed keeps a file.
use strict;
use warnings;
use Time::HiRes ();
# no POSIX module: it would double what each fork copies
use constant WNOHANG => 1;

my ($records_path) = @ARGV;
$0 = "batchgraph-launcher $records_path";
# the engine's Ctrl-C, a closed pipe or a stray TERM must not cost the records of what still runs
$SIG{$_} = 'IGNORE' for qw(PIPE INT TERM HUP QUIT);
my $reaped = 0;
$SIG{CHLD} = sub { $reaped = 1 };

open(my $records, '>>', $records_path) or die "batchgraph-launcher: cannot open $records_path: $!\n";
my %running;    # pid => [id, base, log]
my @queue;      # [id, cwd, log, base, argv, env], oldest first
my $gate = -1;  # negative: no limit
my $quiet = 0;
my $open = 1;
my $buffer = '';
my @fields;
my $replies = '';    # sent at once before the next wait: an end and the start that followed it in one write

sub now_ms { return int(Time::HiRes::time() * 1000) }

sub reply {
    $replies .= $_[0] if $open;    # the engine may be gone: then nobody listens
}

sub send_replies {
    while ($open && $replies ne '') {
        my $written = syswrite(STDOUT, $replies);
        next if !defined($written) && $!{EINTR};
        last unless defined $written;    # the engine is gone
        substr($replies, 0, $written) = '';
    }
    $replies = '';
}

# starts queued requests while the gate has room; nothing once the engine is gone or shutting down
sub start_queued {
    while (@queue && $open && !$quiet && ($gate < 0 || scalar(keys %running) < $gate)) {
        spawn(@{ shift @queue });
    }
}

sub withdraw {
    my ($base) = @_;
    for my $i (0 .. $#queue) {
        next unless $queue[$i][3] eq $base;
        my ($request) = splice(@queue, $i, 1);
        reply("W $request->[0]\n");
        return;
    }
}

sub spawn {
    my ($id, $cwd, $log, $base, $argv, $env) = @_;
    my $out;
    unless (open($out, '>', $log)) {
        reply("F $id cannot open the log $log: $!\n");
        return;
    }
    my $pid = fork();
    unless (defined $pid) {
        close($out);
        reply("F $id fork failed: $!\n");
        return;
    }
    if ($pid == 0) {
        $SIG{$_} = 'DEFAULT' for qw(PIPE INT TERM HUP QUIT CHLD);
        open(STDIN, '<', '/dev/null');
        open(STDOUT, '>&', $out);    # fd 1 and 2 stay themselves: the program writes to its log
        open(STDERR, '>&', $out);
        unless (chdir($cwd)) {
            syswrite(STDERR, "Cannot run program \"$argv->[0]\": working directory $cwd: $!\n");
            exit(126);
        }
        syswrite($records, 'S ' . now_ms() . " $$ $base\n") or exit(125);
        %ENV = %$env;
        { no warnings 'exec'; exec { $argv->[0] } @$argv; }
        syswrite(STDERR, "Cannot run program \"$argv->[0]\": $!\n");
        exit(127);
    }
    close($out);
    $running{$pid} = [$id, $base, $log];
    reply("P $id $pid\n");
}

sub reap {
    my ($flags) = @_;
    while ((my $pid = waitpid(-1, $flags)) > 0) {
        my $status = $?;
        my $code = ($status & 127) ? 128 + ($status & 127) : $status >> 8;
        my $child = delete $running{$pid} or next;
        my ($id, $base, $log) = @$child;
        syswrite($records, 'E ' . now_ms() . " $code $base\n") unless $quiet;
        unlink($log) if -z $log;
        reply("X $id $code\n");
        start_queued();
        last unless %running;
    }
}

sub handle_requests {
    while (@fields) {
        my $kind = $fields[0];
        if ($kind eq 'Q') {
            shift @fields;
            $quiet = 1;
            reply("W $_->[0]\n") for @queue;
            @queue = ();
            next;
        }
        if ($kind eq 'G' || $kind eq 'C') {
            return if @fields < 2;
            my (undef, $value) = splice(@fields, 0, 2);
            if ($kind eq 'G') {
                $gate = $value;
                start_queued();
            } else {
                withdraw($value);
            }
            next;
        }
        die "batchgraph-launcher: unknown request '$kind'\n" unless $kind eq 'R';
        return if @fields < 6;
        my $argc = $fields[5];
        return if @fields < 7 + $argc;
        my $envc = $fields[6 + $argc];
        return if @fields < 7 + $argc + $envc;
        my (undef, $id, $cwd, $log, $base, undef) = splice(@fields, 0, 6);
        my @argv = splice(@fields, 0, $argc);
        shift @fields;
        my %env = map { split(/=/, $_, 2) } splice(@fields, 0, $envc);
        push(@queue, [$id, $cwd, $log, $base, \@argv, \%env]);
    }
}

sub read_requests {
    my $read = sysread(STDIN, $buffer, 65536, length($buffer));
    return if !defined($read) && $!{EINTR};
    if (!$read) {
        $open = 0;    # the engine closed it or died: what was half sent or still queued is dropped, never started
        @queue = ();
        $0 = "batchgraph-launcher-drained $records_path";
        return;
    }
    my @parts = split(/\0/, $buffer, -1);
    $buffer = pop(@parts);
    push(@fields, @parts);
    handle_requests();
    start_queued();
}

reply("READY $$\n");
my $in = '';
vec($in, fileno(STDIN), 1) = 1;
while ($open || %running) {
    send_replies();
    unless ($open) {
        reap(0);    # the engine is gone: only the children are left to wait for
        next;
    }
    # a child that ended since the last reap is reaped at once; the short timeout catches one ending in the
    # instant between this line and select
    my $timeout = $reaped ? 0 : %running ? 0.01 : undef;
    $reaped = 0;
    my $ready = select(my $got = $in, undef, undef, $timeout);
    # woken by a child's end: a request sent before it (a quiet, say) still comes first
    $ready = select($got = $in, undef, undef, 0) if $ready < 0;
    read_requests() if $ready > 0;
    reap(WNOHANG) if %running;
}
