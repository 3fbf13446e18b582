# English, complete: the flows walked in English show no Vietnamese
# message that locale/en.po translates (tests/tools/english_only.py, driven
# by the catalog; the content's own texts stay as published), and the
# cases once seen: a chosen option in the review, "Fee: Free", the
# processing time, announcement dates, feedback's own words, and whose
# phone number each is in the marriage review; and the dates in Vietnamese.
. tests/screen/lib.bash
write_config
start_kiosk
# Every screen on the way is checked.
english() {
	screen_text | python3 tests/tools/english_only.py build/content/content.db "$1" ||
		fail "Vietnamese where English exists ($1)"
}
# Types text as a person would, then Enter.
type_line() {
	send_raw "$1"
	wait_keys_read
	send Enter
}
# In Vietnamese an announcement's dates read dd/mm/yyyy (content.db has
# them YYYY-MM-DD): the one shown first, the latest.
dates=$(sqlite3 build/content/content.db "select shown_from || ' ' || shown_to from announcements
	where shown_from <= date('now', 'localtime') and shown_to >= date('now', 'localtime')
	order by shown_from desc, id limit 1")
read -r from to <<<"$dates"
[ -n "$to" ] || fail "no announcement shown today in content.db"
wait_for "7  Thông báo của xã"
send 7
wait_for "Thông báo của xã   "
send 1
wait_for "Từ ngày $(date -d "$from" +%d/%m/%Y) đến ngày $(date -d "$to" +%d/%m/%Y)"
send 0
wait_for "Thông báo của xã   "
send 0
wait_for "  English"
send "$(screen_text | grep -oE '[0-9]  English' | cut -c1)"
wait_for "1  Procedures and papers to bring"
english home

# A procedure's page: its fee and time in English (the first procedure of
# the search whose fee is published as free and whose time is counted).
send 1
wait_for "Type a few letters"
english search
send_raw "khai sinh"
wait_for "1  Thủ tục đăng ký khai sinh"
english "search results"
send 1
wait_for "Fee: Free"
wait_for "Processing time: 1 working day"
english "procedure page"
send 0
wait_for "1  Thủ tục đăng ký khai sinh"
for i in 1 2 3 4 5 6 7 8 9; do send BSpace; done
send BSpace
wait_for "1  Procedures and papers to bring"

# Marriage: each phone number says whose it is.
send 3
wait_for "3  Marriage registration"
english "forms"
send 3
wait_for "Step 1/2: The man"
english "marriage, step 1"
type_line "Nguyeenx Vawn Hungf"
type_line 051185000123
type_line 02071985
type_line 0905123456
wait_for "Step 2/2: The woman"
english "marriage, step 2"
type_line "Traafn Thij Lan"
type_line 051185000124
type_line 03081990
type_line 0905123457
wait_for "Check before sending"
wait_for "Man's phone number       0905123456"
wait_for "Woman's phone number     0905123457"
english "marriage review"
send 0
wait_for "Step 2/2: The woman"
send '*'
wait_for "Drop the request you are filling in?"
send 1
wait_for "1  Procedures and papers to bring"

# Feedback: the topic chosen reads in English in the review, and the
# feedback is sent and received in its own words.
send 4
wait_for "Feedback and complaints · Step 1/2"
english "feedback, step 1"
send 3
wait_keys_read
send Enter
type_line "Ddeenf hongr"
wait_for "Step 2/2"
english "feedback, step 2"
send Enter Enter
wait_for "Check before sending"
wait_for "About                    Roads, power, water"
wait_for "1  Send your feedback"
english "feedback review"
send 1
wait_for "WE HAVE YOUR FEEDBACK"
wait_for "You sent:  Feedback and complaints"
wait_for "Sent at:  "
code=$(receipt_code)
[ -n "$code" ] || fail "no receipt code"
english "feedback received"
send 0
wait_for "2  Check my dossier"

# Its receipt code looked up: feedback's words, the day in English.
send 2
wait_for "Type the receipt code"
english "dossier lookup"
send_raw "${code//-/}"
wait_keys_read
send Enter
wait_for "You sent: Feedback and complaints"
wait_for "Sent on: $(date +%-d) $(LC_ALL=C date +%b) $(date +%Y)"
english "dossier found"
for i in $(seq 11); do send BSpace; done
wait_for "1  Procedures and papers to bring"

# An announcement's dates, as content.db has them, in English.
send 7
wait_for "Commune announcements   "
english "announcements"
send 1
wait_for "From $(LC_ALL=C date -d "$from" '+%-d %b %Y') to $(LC_ALL=C date -d "$to" '+%-d %b %Y')"
english "announcement"
send 0
wait_for "Commune announcements   "
send 0
wait_for "1  Procedures and papers to bring"

# The queue and the fee screens.
send 5
wait_for "Take a queue number"
english "queue"
send 0
wait_for "6  Pay a fee by QR code"
send 6
wait_for "Pay a fee by QR code"
english "pay"
echo "ok: English flows without a Vietnamese message"
