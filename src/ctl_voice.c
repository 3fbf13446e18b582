/* kioskctl voice: the booth's spoken prompts ([voice], voice.h).
 *
 *   say [--lang L] [--chime] [--quiet] [--] TEXT...   what the kiosk runs
 *   build                                             the cache, ahead
 *   list                                              every prompt's file
 *
 * Each TEXT is one segment. Its sound is, in order: a recording shipped
 * with the content (CONTENT/voice/LANG/KEY.wav, KEY = voice_key of the
 * text), the cache (CACHE/VERSION/LANG/CKEY.wav: synthesised before for
 * this content version, voice, rate and volume), or espeak-ng's synthesis,
 * written into the cache then. Each is played by [voice] player, the
 * file's path added as its last word and the text in $KIOSK_VOICE_TEXT.
 *
 * Exit status: 0; 3 espeak-ng is missing; 4 the player failed (no sound
 * device); 5 espeak-ng failed; 1 other. The kiosk runs `say` in a child
 * of its own and kills it (and its process group) when the screen
 * changes; it logs a failure once. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctl.h"
#include "i18n.h"
#include "problems.h"
#include "uidata.h"
#include "util.h"
#include "voice.h"

enum { SAID = 0, NO_SYNTH = 3, NO_PLAYER = 4, SYNTH_FAILED = 5 };

#define CHIME_RATE 22050

/* Where the sounds of one language come from and go. */
struct speaker {
	const struct config *cfg;
	const char *lang;
	char *root;        /* the cache folder */
	char *cache;       /* root/VERSION/LANG */
	char *recorded;    /* CONTENT/voice/LANG */
	int synthesised;   /* counts, for build */
};

/* The cache folder: [voice] cache_dir, or STATE_DIR/voice. New string. */
static char *cache_root(const struct config *cfg)
{
	return cfg->voice_cache_dir[0] ? xstrdup(cfg->voice_cache_dir)
				       : xprintf("%s/voice", cfg->state_dir);
}

/* Sets up sp for language lang of the content's version. */
static void speaker_init(struct speaker *sp, const struct config *cfg, const char *lang)
{
	char version[BUNDLE_VERSION_MAX + 1];

	ctl_content_version(cfg, version, sizeof version);
	memset(sp, 0, sizeof *sp);
	sp->cfg = cfg;
	sp->lang = lang;
	sp->root = cache_root(cfg);
	sp->cache = xprintf("%s/%s/%s", sp->root, version[0] ? version : "dev", lang);
	sp->recorded = xprintf("%s/" VOICE_DIR "/%s", cfg->content_dir, lang);
}

/* Frees what speaker_init made. */
static void speaker_free(struct speaker *sp)
{
	free(sp->root);
	free(sp->cache);
	free(sp->recorded);
}

/* The file that says text: a recording or the cache's (made or not).
 * Returns a new path; *have is 1 when the file is there. */
static char *sound_of(const struct speaker *sp, const char *text, int *have)
{
	const struct config *cfg = sp->cfg;
	char key[VOICE_KEY];
	char *path;

	voice_key(text, key);
	path = xprintf("%s/%s.wav", sp->recorded, key);
	if (access(path, R_OK) == 0) {
		*have = 1;
		return path;
	}
	free(path);
	voice_cache_key(voice_name(cfg, sp->lang), cfg->voice_rate, cfg->voice_volume, text, key);
	path = xprintf("%s/%s.wav", sp->cache, key);
	*have = access(path, R_OK) == 0;
	return path;
}

/* Runs argv (argv[0] found on PATH; NULL: /bin/sh) with stdout and
 * stderr on /dev/null and, when text is not NULL, $KIOSK_VOICE_TEXT.
 * Returns its exit status, 127 when it could not be started, -1 killed. */
static int run(char *const argv[], const char *text)
{
	int status, null;
	pid_t pid = fork();

	if (pid < 0)
		return 127;
	if (pid == 0) {
		null = open("/dev/null", O_RDWR);
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		if (text)
			setenv("KIOSK_VOICE_TEXT", text, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Synthesises text into path with espeak-ng (through a temporary file,
 * renamed: a killed synthesis leaves no half file). Returns SAID,
 * NO_SYNTH or SYNTH_FAILED. */
static int synth(struct speaker *sp, const char *text, const char *path)
{
	const struct config *cfg = sp->cfg;
	char rate[16], volume[16];
	char *tmp = xprintf("%s.%ld.tmp", path, (long)getpid());
	char *argv[] = { "espeak-ng", "-v", (char *)(uintptr_t)voice_name(cfg, sp->lang), "-s", rate,
			 "-a", volume, "-w", tmp, (char *)(uintptr_t)text, NULL };
	int rc;

	snprintf(rate, sizeof rate, "%d", cfg->voice_rate);
	snprintf(volume, sizeof volume, "%d", cfg->voice_volume);
	if (mkdir_p(sp->cache, 0700) != 0) {
		free(tmp);
		return SYNTH_FAILED;
	}
	rc = run(argv, NULL);
	if (rc == 0 && rename(tmp, path) == 0) {
		sp->synthesised++;
		free(tmp);
		return SAID;
	}
	unlink(tmp);
	free(tmp);
	return rc == 127 ? NO_SYNTH : SYNTH_FAILED;
}

/* Plays a WAV file with [voice] player. Returns SAID or NO_PLAYER. */
static int play(const struct speaker *sp, const char *path, const char *text)
{
	char *cmd = xprintf("%s \"$1\"", sp->cfg->voice_player);
	char *argv[] = { "/bin/sh", "-c", cmd, "kiosk-voice", (char *)(uintptr_t)path, NULL };
	int rc = run(argv, text);

	free(cmd);
	return rc == 0 ? SAID : NO_PLAYER;
}

/* Writes a little-endian number of n bytes. */
static void put_le(FILE *f, uint32_t v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		fputc((int)((v >> (8 * i)) & 0xff), f);
}

/* Writes the WAV header of 16-bit mono PCM of n samples. */
static void wav_header(FILE *f, uint32_t n)
{
	fputs("RIFF", f);
	put_le(f, 36 + n * 2, 4);
	fputs("WAVEfmt ", f);
	put_le(f, 16, 4);                 /* the format chunk's size */
	put_le(f, 1, 2);                  /* PCM */
	put_le(f, 1, 2);                  /* mono */
	put_le(f, CHIME_RATE, 4);
	put_le(f, CHIME_RATE * 2, 4);     /* bytes per second */
	put_le(f, 2, 2);                  /* bytes per sample */
	put_le(f, 16, 2);                 /* bits per sample */
	fputs("data", f);
	put_le(f, n * 2, 4);
}

/* Writes a note of freq Hz lasting n samples, fading out: a sine made by
 * the recurrence y[i] = 2 cos(w) y[i-1] - y[i-2] (cos by its series: w is
 * small), no libm needed. */
static void note(FILE *f, double freq, uint32_t n)
{
	double w = 2 * 3.14159265358979 * freq / CHIME_RATE, w2 = w * w;
	double c = 1 - w2 / 2 + w2 * w2 / 24 - w2 * w2 * w2 / 720;
	double y1 = 0, y2 = -w, amp = 20000, fade = 1 - 4.0 / n; /* y2: sin(-w) */
	uint32_t i;

	for (i = 0; i < n; i++) {
		double y = 2 * c * y1 - y2;

		y2 = y1;
		y1 = y;
		put_le(f, (uint32_t)(uint16_t)(int16_t)(y * amp), 2);
		amp *= fade;
	}
}

/* Writes the helper call's chime into path: two falling notes (E5, C5).
 * Returns 0 or -1. */
static int write_chime(const char *path)
{
	uint32_t first = CHIME_RATE * 3 / 10, second = CHIME_RATE * 55 / 100;
	char *tmp = xprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	int rc;

	if (f == NULL) {
		free(tmp);
		return -1;
	}
	wav_header(f, first + second);
	note(f, 659.25, first);
	note(f, 523.25, second);
	rc = fclose(f) == 0 && rename(tmp, path) == 0 ? 0 : -1;
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* Plays the chime: the content's voice/call.wav, else our own. */
static int chime(struct speaker *sp)
{
	char *path = xprintf("%s/" VOICE_DIR "/call.wav", sp->cfg->content_dir);
	int rc;

	if (access(path, R_OK) != 0) {
		free(path);
		path = xprintf("%s/chime.wav", sp->root);
		if (access(path, R_OK) != 0 && (mkdir_p(sp->root, 0700) != 0 || write_chime(path) != 0)) {
			free(path);
			return NO_PLAYER;
		}
	}
	rc = play(sp, path, "(chime)");
	free(path);
	return rc;
}

/* Says one segment. Returns SAID or why not. */
static int say_one(struct speaker *sp, const char *text)
{
	int have, rc = SAID;
	char *path = sound_of(sp, text, &have);

	if (!have)
		rc = synth(sp, text, path);
	if (rc == SAID)
		rc = play(sp, path, text);
	free(path);
	return rc;
}

/* `voice say`. */
static int say(struct ctl *ctl, int argc, char **argv)
{
	const char *lang = "vi";
	int i, bell = 0, quiet = 0, rc = SAID;
	struct speaker sp;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
			lang = argv[++i];
		} else if (strcmp(argv[i], "--chime") == 0) {
			bell = 1;
		} else if (strcmp(argv[i], "--quiet") == 0) {
			quiet = 1;
		} else {
			return ctl_fail("voice say: unknown option %s", argv[i]);
		}
	}
	speaker_init(&sp, &ctl->cfg, lang);
	if (bell)
		rc = chime(&sp);
	for (; rc == SAID && !quiet && i < argc; i++)
		rc = say_one(&sp, argv[i]);
	speaker_free(&sp);
	if (rc == NO_SYNTH)
		ctl_fail("voice: espeak-ng is not installed (apt-get install espeak-ng)");
	else if (rc == NO_PLAYER)
		ctl_fail("voice: the player failed: %s (a sound device?)", ctl->cfg.voice_player);
	else if (rc == SYNTH_FAILED)
		ctl_fail("voice: espeak-ng could not say it (is [voice] voice a voice of "
			 "espeak-ng --voices?)");
	return rc;
}

/* Fixed words of the booth's screens that are said as they are. */
static const char *const fixed[] = {
	N_("Gọi cán bộ hỗ trợ"), N_("Đã gọi cán bộ, xin chờ trong giây lát."),
	N_("Bạn còn ở đây không?"), N_("ĐÃ LƯU HỒ SƠ CỦA BẠN"),
};

/* One prompt of the content for list and build. */
typedef int prompt_fn(struct speaker *sp, const char *where, const char *text, void *ctx);

/* Calls fn for each segment of v; stops at the first non-zero. */
static int each_seg(struct speaker *sp, const char *where, struct voice_text *v, prompt_fn *fn,
		    void *ctx)
{
	int i, rc = 0;

	for (i = 0; rc == 0 && i < v->n; i++)
		rc = fn(sp, where, v->seg[i], ctx);
	voice_free(v);
	return rc;
}

/* Calls fn for every prompt of the content in language e->lang: each
 * screen (title, texts, each choice as said and as a title), each form
 * (title, steps, field labels), and the fixed words. */
static int each_prompt(struct speaker *sp, const struct uidata *u, const struct voice_env *e,
		       prompt_fn *fn, void *ctx)
{
	struct voice_text v = { { 0 }, 0 };
	int i, k, rc = 0;

	for (i = 0; rc == 0 && i < u->screens.n; i++) {
		const struct screen *s = &u->screens.v[i];

		voice_screen(e, s, 1, &v);
		for (k = 0; k < s->nchoices; k++)
			voice_add_msg(&v, e, s->choices[k].label);
		rc = each_seg(sp, s->file, &v, fn, ctx);
	}
	for (i = 0; rc == 0 && i < u->forms.n; i++) {
		const struct form *f = &u->forms.v[i];

		voice_add_msg(&v, e, f->title);
		for (k = 0; k < f->nsteps; k++)
			voice_add_msg(&v, e, f->steps[k]);
		for (k = 0; k < f->nfields && v.n < VOICE_SEGS; k++)
			voice_add_msg(&v, e, f->fields[k].label);
		rc = each_seg(sp, f->file, &v, fn, ctx);
	}
	for (i = 0; rc == 0 && i < (int)(sizeof fixed / sizeof fixed[0]); i++)
		voice_add_msg(&v, e, fixed[i]);
	return rc == 0 ? each_seg(sp, "(booth)", &v, fn, ctx) : rc;
}

/* Loads the content's screens and catalogs; says why not. */
static int load(const struct config *cfg, struct uidata *u)
{
	struct problems p = { 0 };
	int rc = uidata_load(u, cfg, &p);

	if (rc != 0) {
		problems_print(&p, stderr, "kioskctl: ");
		uidata_free(u);
	}
	problems_clear(&p);
	return rc;
}

/* Runs fn over every prompt of every language; returns the first
 * non-zero of fn, or 1 when the content cannot be loaded. */
static int over_all(struct ctl *ctl, prompt_fn *fn, void *ctx, int *made)
{
	struct uidata u = { 0 };
	struct voice_env e = { NULL, 0, &ctl->cfg };
	struct speaker sp;
	int rc = 0;

	if (load(&ctl->cfg, &u) != 0)
		return 1;
	e.i18n = u.i18n;
	for (e.lang = 0; rc == 0 && e.lang < i18n_count(u.i18n); e.lang++) {
		speaker_init(&sp, &ctl->cfg, i18n_code(u.i18n, e.lang));
		rc = each_prompt(&sp, &u, &e, fn, ctx);
		*made += sp.synthesised;
		speaker_free(&sp);
	}
	uidata_free(&u);
	return rc;
}

/* list: one line per prompt: language, where, its file, its text. */
static int list_one(struct speaker *sp, const char *where, const char *text, void *ctx)
{
	int have;
	char *path = sound_of(sp, text, &have);
	char key[VOICE_KEY];

	(void)ctx;
	voice_key(text, key);
	printf("%s\t%s\t%s\t%s\t%s\t%s\n", sp->lang, where, key,
	       strncmp(path, sp->recorded, strlen(sp->recorded)) == 0 ? "recorded"
	       : have ? "cached" : "missing", path, text);
	free(path);
	return 0;
}

/* build: synthesises a prompt not yet recorded or cached. */
static int build_one(struct speaker *sp, const char *where, const char *text, void *ctx)
{
	int have, rc = SAID;
	char *path = sound_of(sp, text, &have);

	(void)where;
	(void)ctx;
	if (!have)
		rc = synth(sp, text, path);
	free(path);
	return rc;
}

/* Removes the cache folders of other content versions than this one. */
static void prune(const struct config *cfg)
{
	char version[BUNDLE_VERSION_MAX + 1], *root = cache_root(cfg);
	DIR *d = opendir(root);
	struct dirent *de;

	ctl_content_version(cfg, version, sizeof version);
	while (d && (de = readdir(d)) != NULL) {
		char *path;
		struct stat st;

		if (de->d_name[0] == '.' || strcmp(de->d_name, version[0] ? version : "dev") == 0)
			continue;
		path = xprintf("%s/%s", root, de->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		free(path);
	}
	if (d)
		closedir(d);
	free(root);
}

/* Prints the usage. */
static void usage(FILE *out)
{
	fprintf(out, "usage: kioskctl voice say [--lang L] [--chime] [--] TEXT...\n"
		     "       kioskctl voice build\n"
		     "       kioskctl voice list\n\n"
		     "The booth's spoken prompts ([voice] in the config, docs/config.md).\n"
		     "  say    says each TEXT (one segment each) with [voice] player: a recording\n"
		     "         of the content (voice/LANG/KEY.wav), else the cache, else espeak-ng;\n"
		     "         --chime first plays the helper call's sound. Try the sound with\n"
		     "         kioskctl voice say 'Xin chào'\n"
		     "  build  synthesises every prompt of the content in every language into the\n"
		     "         cache ([voice] cache_dir, default STATE_DIR/voice), once per content\n"
		     "         version, and removes other versions' files\n"
		     "  list   every prompt: language, file it is from, KEY (the name of its\n"
		     "         recording), recorded | cached | missing, the sound file, the text\n"
		     "Exit status: 3 espeak-ng missing, 4 the player failed, 5 espeak-ng failed.\n");
}

int ctl_voice(struct ctl *ctl, int argc, char **argv)
{
	int made = 0, rc;

	if (argc < 2 || ctl_wants_help(argc, argv)) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "say") == 0)
		return say(ctl, argc - 1, argv + 1);
	if (argc != 2 || (strcmp(argv[1], "list") != 0 && strcmp(argv[1], "build") != 0)) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "list") == 0)
		return over_all(ctl, list_one, NULL, &made);
	prune(&ctl->cfg);
	rc = over_all(ctl, build_one, NULL, &made);
	if (rc == NO_SYNTH)
		ctl_fail("voice build: espeak-ng is not installed (apt-get install espeak-ng)");
	else if (rc != 0)
		ctl_fail("voice build: espeak-ng failed");
	if (rc != 0)
		return rc;
	printf("%d prompts synthesised\n", made);
	return 0;
}

int ctl_voice_check(const struct config *cfg, struct problems *p)
{
	char *dir = xprintf("%s/" VOICE_DIR, cfg->content_dir);
	DIR *top = opendir(dir), *d;
	struct dirent *lang, *de;
	int found = 0;

	while (top && (lang = readdir(top)) != NULL) {
		char *sub = xprintf("%s/%s", dir, lang->d_name);

		d = lang->d_name[0] == '.' ? NULL : opendir(sub);
		while (d && (de = readdir(d)) != NULL) {
			char *path = xprintf("%s/%s", sub, de->d_name), head[12] = { 0 };
			FILE *f = de->d_name[0] == '.' ? NULL : fopen(path, "rb");

			if (f && (fread(head, 1, 12, f) != 12 || memcmp(head, "RIFF", 4) != 0 ||
				  memcmp(head + 8, "WAVE", 4) != 0)) {
				problems_add(p, path, 0, "not a WAV file (a recorded prompt must be one)");
				found++;
			}
			if (f)
				fclose(f);
			free(path);
		}
		if (d)
			closedir(d);
		free(sub);
	}
	if (top)
		closedir(top);
	free(dir);
	return found ? -1 : 0;
}
