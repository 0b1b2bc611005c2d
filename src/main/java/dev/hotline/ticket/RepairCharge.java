package dev.hotline.ticket;

/** What the customer pays for a repair (seed 001 §7). */
public enum RepairCharge {
    FREE, MATERIAL, MATERIAL_AND_LABOUR
}
