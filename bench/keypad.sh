# A keypad key press to the proposals drawn: predictive entry against
# multi-tap, over the names and words the project ships (bench/keypad.c).
./build/bench/keypad assets
