// The JDK side of bench_simulate.py: what the poller decides for each record, with SimpleDateFormat.
// stdin: first line "since tolerance_ms", then one line per record: pattern \t zone \t updated \t created
// (both dates read with the same pattern and zone; lenient, parse(String) semantics: a prefix is enough).
// stdout: "nanos checksum" (CPU time of the timed loop; sum over records of event code * 31 + instant).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

public class SimulateLoop {
    static final class Rec { SimpleDateFormat format; String updated, created; }

    static long parse(SimpleDateFormat format, String text) {
        Date d = format.parse(text, new ParsePosition(0));
        return d == null ? Long.MIN_VALUE : d.getTime();
    }

    // event codes: 0 error, 1 ignored, 2 created, 3 updated (as validator.simulate decides them)
    static long run(List<Rec> recs, long since, long tolerance) {
        long checksum = 0;
        for (Rec r : recs) {
            long updated = parse(r.format, r.updated);
            int event;
            if (updated == Long.MIN_VALUE) event = 0;
            else if (updated <= since) event = 1;
            else {
                long created = parse(r.format, r.created);
                if (created == Long.MIN_VALUE) event = 0;
                else event = Math.abs(updated - created) <= tolerance ? 2 : 3;
            }
            checksum += event * 31L + (updated == Long.MIN_VALUE ? 0 : updated);
        }
        return checksum;
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] head = in.readLine().trim().split(" ");
        long since = Long.parseLong(head[0]), tolerance = Long.parseLong(head[1]);
        Map<String, SimpleDateFormat> formats = new HashMap<>();
        List<Rec> recs = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            String[] f = line.split("\t", -1);
            Rec r = new Rec();
            r.format = formats.computeIfAbsent(f[0] + "\t" + f[1], k -> {
                SimpleDateFormat sdf = new SimpleDateFormat(f[0], Locale.US);
                sdf.setTimeZone(TimeZone.getTimeZone(f[1]));
                return sdf;
            });
            r.updated = f[2];
            r.created = f[3];
            recs.add(r);
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long checksum = 0, best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {  // the first rounds warm the JIT
            long start = bean.getCurrentThreadCpuTime();
            checksum = run(recs, since, tolerance);
            best = Math.min(best, bean.getCurrentThreadCpuTime() - start);
        }
        System.out.println(best + " " + checksum);
    }
}
