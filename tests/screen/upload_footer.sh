# The footer shows what the upload daemon records: requests waiting and
# "no network" before it reaches the server; "network", none waiting and
# the time of the last upload once it sent them; "no network" and the new
# request waiting when the server goes away.
. tests/screen/lib.bash
. tests/screen/upload.bash
upload_server secret
upload_config secret
upload_booth 3
wait_for "● Có mạng · gửi lần cuối lúc" 20
screen_text | grep -q "hồ sơ chờ gửi" && fail "requests still counted as waiting"
kill "$SRV_PID"
wait "$SRV_PID" 2>/dev/null
./build/tools/spool_fill "$TEST_TMP/var" 1 >/dev/null || fail "spool_fill"
wait_for "● Chưa có mạng · 1 hồ sơ chờ gửi · gửi lần cuối lúc" 20
