# Every string the kiosk shows is in locale/vi.po and translated in the
# other catalogs, which GNU msgfmt accepts.
python3 tests/catalogs.py
