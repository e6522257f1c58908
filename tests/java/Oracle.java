// The JDK as test oracle: reads one request a line on stdin, answers one line each.
// Fields are tab-separated; inside a field "\\" is a backslash, "\t" a tab, "\n" a newline.
//   C pattern                          -> OK | ERR <class> <message>        (compile)
//   F pattern zone epochMillis         -> OK <formatted> | ERR ...           (format)
//   P pattern zone lenient text        -> OK <epochMillis> <index> <zoneId> | FAIL <errorIndex> | ERR ...
//   Z zone                             -> OK <getID> <rawOffset> <useDaylight>
//   O zone epochMillis                 -> OK <totalOffset> <dstOffset>       (Calendar ZONE+DST offsets)
//   V                                  -> OK <java.version> <tzdb version>
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public class Oracle {
    static String decode(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String encode(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String answer(String[] f) {
        try {
            switch (f[0]) {
                case "V":
                    return "OK\t" + System.getProperty("java.version") + "\t" + java.time.zone.ZoneRulesProvider.getVersions("UTC").lastEntry().getKey();
                case "C":
                    new SimpleDateFormat(f[1], Locale.US);
                    return "OK";
                case "F": {
                    SimpleDateFormat sdf = new SimpleDateFormat(f[1], Locale.US);
                    sdf.setTimeZone(TimeZone.getTimeZone(f[2]));
                    return "OK\t" + encode(sdf.format(new Date(Long.parseLong(f[3]))));
                }
                case "P": {
                    SimpleDateFormat sdf = new SimpleDateFormat(f[1], Locale.US);
                    sdf.setTimeZone(TimeZone.getTimeZone(f[2]));
                    sdf.setLenient(f[3].equals("1"));
                    ParsePosition pos = new ParsePosition(0);
                    Date d = sdf.parse(f.length > 4 ? f[4] : "", pos);
                    if (d == null) return "FAIL\t" + pos.getErrorIndex();
                    return "OK\t" + d.getTime() + "\t" + pos.getIndex() + "\t" + encode(sdf.getTimeZone().getID());
                }
                case "Z": {
                    TimeZone tz = TimeZone.getTimeZone(f[1]);
                    return "OK\t" + encode(tz.getID()) + "\t" + tz.getRawOffset() + "\t" + tz.useDaylightTime();
                }
                case "O": {
                    GregorianCalendar cal = new GregorianCalendar(TimeZone.getTimeZone(f[1]), Locale.US);
                    cal.setTimeInMillis(Long.parseLong(f[2]));
                    int dst = cal.get(Calendar.DST_OFFSET);
                    return "OK\t" + (cal.get(Calendar.ZONE_OFFSET) + dst) + "\t" + dst;
                }
                default:
                    return "ERR\tUsage\tunknown request " + f[0];
            }
        } catch (Exception e) {
            return "ERR\t" + e.getClass().getName() + "\t" + encode(String.valueOf(e.getMessage()));
        }
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        String line;
        while ((line = in.readLine()) != null) {
            String[] raw = line.split("\t", -1);
            String[] f = new String[raw.length];
            for (int i = 0; i < raw.length; i++) f[i] = decode(raw[i]);
            out.println(answer(f));
            if (!in.ready()) out.flush();
        }
        out.flush();
    }
}
