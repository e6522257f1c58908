// The JDK's own formatting loop, for bench/bench_dates.py.
// Usage: java FormatLoop <instants file: one epoch-millis a line> <repeats> <cpu|wall> then, on stdin, one
// "pattern<TAB>zone" a line; answers one line each: "<formats per second>\t<checksum>", where the
// checksum is the sum of String.hashCode() of the first 1000 outputs (compared with Python's).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

public class FormatLoop {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(args[0]));
        long[] instants = new long[lines.size()];
        for (int i = 0; i < instants.length; i++) instants[i] = Long.parseLong(lines.get(i).trim());
        int repeats = Integer.parseInt(args[1]);
        boolean cpu = args.length > 2 && args[2].equals("cpu");   // thread CPU time: robust on a busy machine
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Date[] dates = new Date[instants.length];
        for (int i = 0; i < dates.length; i++) dates[i] = new Date(instants[i]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            SimpleDateFormat sdf = new SimpleDateFormat(f[0], Locale.US);
            sdf.setTimeZone(TimeZone.getTimeZone(f[1]));
            long best = Long.MAX_VALUE;
            int checksum = 0;
            for (int i = 0; i < Math.min(1000, dates.length); i++) checksum += sdf.format(dates[i]).hashCode();
            int sink = 0;
            for (int r = 0; r < repeats; r++) {         // the first repeats warm the JIT up
                long t0 = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
                for (Date d : dates) sink += sdf.format(d).length();
                best = Math.min(best, (cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t0);
            }
            if (sink == 42) System.err.println();       // keep the loop's results alive
            System.out.println((dates.length * 1e9 / best) + "\t" + checksum);
            System.out.flush();
        }
    }
}
