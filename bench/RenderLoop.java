// The JDK side of bench_render.py: substitutes date macros in URL templates with SimpleDateFormat.
// stdin: first line the instants (epoch ms, comma-separated), then one line per template:
//   template \t start,end,zone,pattern \t start,end,zone,pattern ...   (fields tab-separated)
// stdout: "nanos checksum" (CPU time of the timed loop, String.hashCode sum of the URLs).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

public class RenderLoop {
    static final class Macro { int start, end; SimpleDateFormat format; }
    static final class Template { String text; List<Macro> macros = new ArrayList<>(); }

    static long run(List<Template> templates, long[] instants) {
        long checksum = 0;
        for (Template t : templates) {
            for (long instant : instants) {
                Date date = new Date(instant);
                StringBuilder url = new StringBuilder(t.text.length() + 32);
                int at = 0;
                for (Macro m : t.macros) {
                    url.append(t.text, at, m.start).append(m.format.format(date));
                    at = m.end;
                }
                url.append(t.text, at, t.text.length());
                checksum += url.toString().hashCode();
            }
        }
        return checksum;
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String[] given = in.readLine().trim().split(",");
        List<Template> templates = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            String[] f = line.split("\t");
            Template t = new Template();
            t.text = f[0];
            for (int i = 1; i < f.length; i++) {
                String[] p = f[i].split(",", 4);
                Macro m = new Macro();
                m.start = Integer.parseInt(p[0]);
                m.end = Integer.parseInt(p[1]);
                m.format = new SimpleDateFormat(p[3], Locale.US);
                m.format.setTimeZone(TimeZone.getTimeZone(p[2]));
                t.macros.add(m);
            }
            templates.add(t);
        }
        long[] instants = new long[given.length];
        for (int i = 0; i < given.length; i++) instants[i] = Long.parseLong(given[i]);
        for (int i = 0; i < 5; i++) run(templates, instants);  // JIT warm-up
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE, checksum = 0;
        for (int i = 0; i < 5; i++) {
            long start = bean.getCurrentThreadCpuTime();
            checksum = run(templates, instants);
            best = Math.min(best, bean.getCurrentThreadCpuTime() - start);
        }
        System.out.println(best + " " + checksum);
    }
}
