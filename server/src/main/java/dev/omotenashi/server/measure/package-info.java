/**
 * Measurement kept by the server as events arrive: per campaign, arm and day counters (deliveries, shows,
 * clicks, closes, exposed visitors, goal visitors, goal value), the journey phases per first-visit cohort, and
 * per-minute activity for the real-time overview; the campaign report, funnels and overview are computed from
 * them and from the profiles in memory, never by reading the journal. docs/measurement.md explains each.
 */
package dev.omotenashi.server.measure;
