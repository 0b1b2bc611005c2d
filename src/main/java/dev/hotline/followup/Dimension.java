package dev.hotline.followup;

/**
 * The five things 001 §十 measures, each on three levels ({@link Level}): product quality (好/一般/较差), delivery time
 * (按期/基本按期/拖期), service timeliness and effectiveness (及时/一般/有效, read as good/fair/poor), price
 * (合理/基本合理/不合理), packaging (无缺陷/轻微缺陷/明显缺陷).
 */
public enum Dimension {
    QUALITY, DELIVERY, SERVICE, PRICE, PACKAGING
}
