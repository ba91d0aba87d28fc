package dev.soracommock.order;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 47 prefectures of Japan and the contract's {@code shippingArea} each belongs to (the carriers' usual regions).
 * A shipping address's {@code state} is read in Japanese ({@code 東京都} or {@code 東京}) or romaji ({@code Tokyo},
 * {@code Tokyo-to}, {@code Tōkyō}, {@code Osaka-fu}, {@code Aichi-ken}, {@code Aichi Prefecture}), case-insensitive.
 */
final class Prefectures {

    private static final Map<String, String> AREA_BY_NAME = new HashMap<>();

    static {
        // Japanese full name, romaji, shipping area
        String[][] table = {
            {"北海道", "hokkaido", "hokkaido"},
            {"青森県", "aomori", "kita_tohoku"}, {"岩手県", "iwate", "kita_tohoku"}, {"秋田県", "akita", "kita_tohoku"},
            {"宮城県", "miyagi", "minami_tohoku"}, {"山形県", "yamagata", "minami_tohoku"}, {"福島県", "fukushima", "minami_tohoku"},
            {"茨城県", "ibaraki", "kanto"}, {"栃木県", "tochigi", "kanto"}, {"群馬県", "gunma", "kanto"},
            {"埼玉県", "saitama", "kanto"}, {"千葉県", "chiba", "kanto"}, {"東京都", "tokyo", "kanto"},
            {"神奈川県", "kanagawa", "kanto"}, {"山梨県", "yamanashi", "kanto"},
            {"新潟県", "niigata", "shinetsu"}, {"長野県", "nagano", "shinetsu"},
            {"富山県", "toyama", "hokuriku"}, {"石川県", "ishikawa", "hokuriku"}, {"福井県", "fukui", "hokuriku"},
            {"岐阜県", "gifu", "chubu"}, {"静岡県", "shizuoka", "chubu"}, {"愛知県", "aichi", "chubu"}, {"三重県", "mie", "chubu"},
            {"滋賀県", "shiga", "kansai"}, {"京都府", "kyoto", "kansai"}, {"大阪府", "osaka", "kansai"},
            {"兵庫県", "hyogo", "kansai"}, {"奈良県", "nara", "kansai"}, {"和歌山県", "wakayama", "kansai"},
            {"鳥取県", "tottori", "chugoku"}, {"島根県", "shimane", "chugoku"}, {"岡山県", "okayama", "chugoku"},
            {"広島県", "hiroshima", "chugoku"}, {"山口県", "yamaguchi", "chugoku"},
            {"徳島県", "tokushima", "shikoku"}, {"香川県", "kagawa", "shikoku"}, {"愛媛県", "ehime", "shikoku"},
            {"高知県", "kochi", "shikoku"},
            {"福岡県", "fukuoka", "kyushu"}, {"佐賀県", "saga", "kyushu"}, {"長崎県", "nagasaki", "kyushu"},
            {"熊本県", "kumamoto", "kyushu"}, {"大分県", "oita", "kyushu"}, {"宮崎県", "miyazaki", "kyushu"},
            {"鹿児島県", "kagoshima", "kyushu"},
            {"沖縄県", "okinawa", "okinawa"},
        };
        for (String[] row : table) {
            String japanese = row[0];
            String romaji = row[1];
            String area = row[2];
            AREA_BY_NAME.put(japanese, area);
            if (!japanese.equals("北海道")) {
                AREA_BY_NAME.put(japanese.substring(0, japanese.length() - 1), area);
            }
            for (String suffix : new String[] {"", "to", "fu", "ken", "prefecture", "kenprefecture"}) {
                AREA_BY_NAME.put(romaji + suffix, area);
            }
        }
        // long vowels written out (Hyougo, Toukyou, Oosaka, Kouchi, Ooita) and the older spelling Gumma
        for (String[] alias : new String[][] {{"toukyou", "tokyo"}, {"tookyoo", "tokyo"}, {"kyouto", "kyoto"},
                {"oosaka", "osaka"}, {"ousaka", "osaka"}, {"hyougo", "hyogo"}, {"kouchi", "kochi"}, {"ooita", "oita"},
                {"gumma", "gunma"}, {"hokkaidou", "hokkaido"}}) {
            String area = AREA_BY_NAME.get(alias[1]);
            for (String suffix : new String[] {"", "to", "fu", "ken", "prefecture"}) {
                AREA_BY_NAME.put(alias[0] + suffix, area);
            }
        }
    }

    private Prefectures() {
    }

    /** The shipping area of a prefecture, or empty when {@code state} names none. */
    static Optional<String> shippingArea(String state) {
        if (state == null) {
            return Optional.empty();
        }
        String trimmed = state.strip();
        String area = AREA_BY_NAME.get(trimmed);
        if (area == null) {
            String latin = Normalizer.normalize(trimmed, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[\\s\\-_.]", "");
            area = AREA_BY_NAME.get(latin);
        }
        return Optional.ofNullable(area);
    }
}
