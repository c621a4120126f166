#!/usr/bin/env bash
# Prints the machine's busy CPU share (all cores, %) over $1 seconds (default 3), from /proc/stat.
s=${1:-3}
read -r _ u1 n1 y1 i1 w1 q1 sq1 st1 _ < /proc/stat
sleep "$s"
read -r _ u2 n2 y2 i2 w2 q2 sq2 st2 _ < /proc/stat
busy=$(( (u2+n2+y2+q2+sq2+st2) - (u1+n1+y1+q1+sq1+st1) ))
idle=$(( (i2+w2) - (i1+w1) ))
echo $(( 100 * busy / (busy + idle) ))
