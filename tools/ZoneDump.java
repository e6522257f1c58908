// Dumps java.util.TimeZone as SimpleDateFormat sees it, for tools/gen_zone_data.py.
//
// Output (UTF-8, one record a line, tab-separated; run with -Duser.timezone=UTC):
//   V  java.version  tzdbVersion  endMillis
//   Z  requestedId  getID  rawOffset  useDaylightTime  dstSavings  stdShort  dstShort  stdLong  dstLong
//   H  initialTotal  initialDst  millis:total:dst ...      (values of Calendar ZONE_OFFSET+DST_OFFSET and
//                                                          DST_OFFSET; each entry is a change at millis)
//   R  rule;rule...   rule = month,dom,dow,secondOfDay,endOfDay,timeDef,std,before,after (seconds)
//   L  epochSecond of the last explicit ZoneRules transition, or "-"
//   S  one row of DateFormatSymbols.getInstance(Locale.US).getZoneStrings(), in order
//
// Candidate change instants are the ZoneRules transitions (explicit and rule-generated) of the zone,
// plus a probe every PROBE_DAYS days; a value change found only by a probe is located to the
// millisecond by bisection.  Every value itself comes from GregorianCalendar, never from ZoneRules.
import java.text.DateFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public class ZoneDump {
    static final long START = -2208988800000L;          // 1900-01-01T00:00Z
    static final long END = 7258118400000L;             // 2200-01-01T00:00Z
    static final long PROBE = 10L * 86400000L;

    static GregorianCalendar cal;

    static long value(long millis) {
        cal.setTimeInMillis(millis);
        int dst = cal.get(Calendar.DST_OFFSET);
        int total = cal.get(Calendar.ZONE_OFFSET) + dst;
        return ((long) total << 32) | (dst & 0xffffffffL);
    }

    static String fmt(long v) {
        return (int) (v >> 32) + ":" + (int) v;
    }

    static ZoneRules rulesOf(TimeZone tz, String id) {
        try {
            return ZoneId.of(id).getRules();
        } catch (Exception e) {
            try {
                return tz.toZoneId().getRules();
            } catch (Exception e2) {
                return null;
            }
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        out.println("V\t" + System.getProperty("java.version") + "\t"
                + java.time.zone.ZoneRulesProvider.getVersions("UTC").lastEntry().getKey() + "\t" + END);
        Set<String> ids = new LinkedHashSet<>();
        for (String id : TimeZone.getAvailableIDs()) ids.add(id);
        // Ids getTimeZone knows without listing them (checked: it returns a zone whose id is not GMT).
        List<String> extra = new ArrayList<>(ZoneId.getAvailableZoneIds());
        extra.addAll(ZoneId.SHORT_IDS.keySet());
        java.util.Collections.sort(extra);
        for (String id : extra) {
            if (ids.contains(id)) continue;
            TimeZone tz = TimeZone.getTimeZone(id);
            if (!tz.getID().equals("GMT") || id.equals("GMT")) ids.add(id);
        }
        for (String id : ids) {
            TimeZone tz = TimeZone.getTimeZone(id);
            cal = new GregorianCalendar(tz, Locale.US);
            Locale us = Locale.US;
            out.println("Z\t" + id + "\t" + tz.getID() + "\t" + tz.getRawOffset() + "\t" + tz.useDaylightTime()
                    + "\t" + tz.getDSTSavings()
                    + "\t" + tz.getDisplayName(false, TimeZone.SHORT, us) + "\t" + tz.getDisplayName(true, TimeZone.SHORT, us)
                    + "\t" + tz.getDisplayName(false, TimeZone.LONG, us) + "\t" + tz.getDisplayName(true, TimeZone.LONG, us));
            TreeSet<Long> cands = new TreeSet<>();
            ZoneRules rules = rulesOf(tz, id);
            String lastExplicit = "-";
            StringBuilder rb = new StringBuilder();
            if (rules != null) {
                List<ZoneOffsetTransition> explicit = rules.getTransitions();
                if (!explicit.isEmpty()) lastExplicit = Long.toString(explicit.get(explicit.size() - 1).toEpochSecond());
                Instant t = Instant.ofEpochMilli(START - 1);
                while (true) {
                    ZoneOffsetTransition tr = rules.nextTransition(t);
                    if (tr == null || tr.toEpochSecond() * 1000 > END) break;
                    cands.add(tr.toEpochSecond() * 1000);
                    t = tr.getInstant();
                }
                for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
                    if (rb.length() > 0) rb.append(';');
                    rb.append(r.getMonth().getValue()).append(',').append(r.getDayOfMonthIndicator()).append(',')
                      .append(r.getDayOfWeek() == null ? 0 : r.getDayOfWeek().getValue()).append(',')
                      .append(r.getLocalTime().toSecondOfDay()).append(',').append(r.isMidnightEndOfDay() ? 1 : 0).append(',')
                      .append(r.getTimeDefinition().name().charAt(0)).append(',')
                      .append(r.getStandardOffset().getTotalSeconds()).append(',')
                      .append(r.getOffsetBefore().getTotalSeconds()).append(',')
                      .append(r.getOffsetAfter().getTotalSeconds());
                }
            }
            for (long p = START; p <= END; p += PROBE) cands.add(p);
            cands.add(START);
            long initial = value(START - 86400000L * 366);
            StringBuilder hb = new StringBuilder();
            hb.append("H\t").append((int) (initial >> 32)).append('\t').append((int) initial);
            long prevT = Long.MIN_VALUE, prevV = initial;
            for (long c : cands) {
                long v = value(c);
                if (v == prevV) { prevT = c; continue; }
                if (prevT == Long.MIN_VALUE || value(c - 1) == prevV) {
                    hb.append('\t').append(c).append(':').append(fmt(v));
                } else {
                    // A change between two candidates: bisect (repeatedly, should there be several).
                    long lo = prevT, loV = prevV;
                    while (loV != v) {
                        long a = lo, b = c;          // value(a) == loV, first change in (a, b]
                        while (b - a > 1) {
                            long m = a + (b - a) / 2;
                            if (value(m) == loV) a = m; else b = m;
                        }
                        long nv = value(b);
                        hb.append('\t').append(b).append(':').append(fmt(nv));
                        lo = b; loV = nv;
                    }
                }
                prevT = c; prevV = v;
            }
            out.println(hb);
            out.println("R\t" + rb);
            out.println("L\t" + lastExplicit);
        }
        for (String[] row : DateFormatSymbols.getInstance(Locale.US).getZoneStrings()) {
            out.println("S\t" + String.join("\t", row));
        }
        out.flush();
    }
}
