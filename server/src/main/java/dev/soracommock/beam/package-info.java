/**
 * SORACOM Beam as the device pipeline uses it: a device's message forwarded for real to the destination of the
 * group's {@code SoracomBeam} configuration, with Soracom's identity headers and the pre-shared-key signature.
 * Beam keeps no state of its own; its configuration lives in the group, its secrets in the credentials store.
 */
package dev.soracommock.beam;
