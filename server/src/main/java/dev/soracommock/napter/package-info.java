/**
 * SORACOM Napter: port mappings that let a client reach a port of a SIM's device for a while (fake but stable public
 * addresses, expiry on the emulator's clock), their audit log, and a control route that simulates a client connecting
 * through a mapping. The SIMs are looked up through the port {@link dev.soracommock.napter.NapterSims}, implemented by
 * {@code subscriber/}.
 */
package dev.soracommock.napter;
