// SPDX-License-Identifier: MIT
/*
 * kernel/shell.c - a line-oriented shell on the serial console.
 *
 * Owns: line input (echo, backspace, Ctrl-U, Ctrl-C, a history walked with
 * the up and down arrows), splitting into words, dispatch to the commands
 * registered with SHELL_CMD/SHELL_COMMAND, the argument readers and the
 * usage line every command answers bad input with (kernel/shell.h), and
 * report mode for the /proc-style reports. Waits for input with hlt: the
 * UART interrupt wakes it.
 * Built-ins here: help, dmesg, cmdline, e820, ktest, poweroff/quit/exit,
 * version, drain. The memory commands are in kernel/shell_mm.c, the
 * reports' names in kernel/proc.c.
 */
#include <asm/e820.h>
#include <asm/processor.h>
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <mm/gfp.h>
#include <mm/highmem.h>
#include <mm/slab.h>
#include <mm/vmap_area.h>

extern const struct shell_command __start_shell_commands[], __stop_shell_commands[];

#define MAX_ARGS	16
#define LINE_MAX	256

const struct shell_command *shell_find(const char *name)
{
	for (const struct shell_command *c = __start_shell_commands; c < __stop_shell_commands; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int shell_usage(const char *cmd)
{
	const struct shell_command *c = shell_find(cmd);

	if (c && c->usage)
		console_printf("usage: %s %s\n", c->name, c->usage);
	else
		console_printf("usage: %s   (no arguments)\n", cmd);
	return SHELL_USAGE;
}

int shell_parse_ulong(const char *s, unsigned long *out)
{
	return kstrtoul(s, 0, out);
}

int shell_parse_u64(const char *s, u64 *out)
{
	unsigned long long v;
	int err = kstrtoull(s, 0, &v);

	if (!err)
		*out = v;
	return err;
}

int shell_parse_size(const char *s, unsigned long *out)
{
	char num[32];
	size_t n = strlen(s);
	unsigned int shift = 0;
	unsigned long v;
	int err;

	if (!n || n >= sizeof(num))
		return n ? -ERANGE : -EINVAL;
	switch (s[n - 1] | 0x20) {
	case 'g': shift += 10; /* fall through */
	case 'm': shift += 10; /* fall through */
	case 'k': shift += 10; n--; break;
	default: break;
	}
	memcpy(num, s, n);
	num[n] = '\0';
	err = kstrtoul(num, 0, &v);
	if (err)
		return err;
	if (shift && v > (~0UL >> shift))
		return -ERANGE;
	*out = v << shift;
	return 0;
}

int shell_parse_gfp(const char *s, gfp_t *out)
{
	return parse_gfp_flags(s, out);
}

bool shell_report_begin(void)
{
	return printk_report_mode(true);
}

void shell_report_end(bool was)
{
	printk_report_mode(was);
}

int shell_exec(char *line)
{
	char *argv[MAX_ARGS];
	int argc = 0;
	char *p = line;
	const struct shell_command *c;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		if (argc == MAX_ARGS) {
			console_printf("%s: more than %d words\n", argv[0], MAX_ARGS - 1);
			return shell_usage(argv[0]);
		}
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	if (!argc)
		return 0;
	c = shell_find(argv[0]);
	if (c)
		return c->fn(argc, argv);
	console_printf("%s: command not found (try 'help')\n", argv[0]);
	return -1;
}

/*
 * The last HIST_LINES lines run, oldest overwritten first; the up arrow
 * walks back, the down arrow forward to the line being typed.
 */
#define HIST_LINES	16

static char history[HIST_LINES][LINE_MAX];
static unsigned int hist_next;	/* lines ever added */

static void history_add(const char *line)
{
	if (!*line || (hist_next && !strcmp(history[(hist_next - 1) % HIST_LINES], line)))
		return;
	strlcpy(history[hist_next % HIST_LINES], line, LINE_MAX);
	hist_next++;
}

/* Replace what the terminal shows of the line (n characters) with text. */
static size_t replace_line(char *buf, size_t n, size_t size, const char *text)
{
	while (n) {
		n--;
		arch_console_write("\b \b", 3);
	}
	n = strlcpy(buf, text, size);
	if (n >= size)
		n = size - 1;
	arch_console_write(buf, n);
	return n;
}

static int read_line(char *buf, size_t size)
{
	static char typed[LINE_MAX];	/* the new line while the history is shown */
	unsigned int back = 0;		/* how far up the history we are */
	size_t n = 0;
	int esc = 0;			/* 1 after ESC, 2 after ESC [ */

	for (;;) {
		int c = arch_console_getc();

		if (c < 0) {
			halt();	/* the UART or timer interrupt wakes us */
			continue;
		}
		if (esc == 1) {
			esc = c == '[' ? 2 : 0;
			continue;
		}
		if (esc == 2) {
			if (c >= '0' && c <= '9')
				continue;	/* ESC [ 3 ~ and the like: ignored */
			esc = 0;
			if (c == 'A' && back < HIST_LINES && back < hist_next) {
				if (!back) {
					buf[n] = '\0';
					strlcpy(typed, buf, sizeof(typed));
				}
				back++;
				n = replace_line(buf, n, size, history[(hist_next - back) % HIST_LINES]);
			} else if (c == 'B' && back) {
				back--;
				n = replace_line(buf, n, size,
						 back ? history[(hist_next - back) % HIST_LINES] : typed);
			}
			continue;
		}
		if (c == 0x1b) {
			esc = 1;
		} else if (c == '\r' || c == '\n') {
			console_printf("\n");
			buf[n] = '\0';
			history_add(buf);
			return (int)n;
		} else if ((c == 0x7f || c == '\b') && n) {
			n--;
			arch_console_write("\b \b", 3);
		} else if (c == 0x15) {	/* Ctrl-U: kill the line */
			n = replace_line(buf, n, size, "");
		} else if (c == 0x03) {	/* Ctrl-C: drop the line, a new prompt */
			console_printf("^C\n");
			buf[0] = '\0';
			return 0;
		} else if (c >= ' ' && c < 0x7f && n + 1 < size) {
			char ch = (char)c;

			buf[n++] = ch;
			arch_console_write(&ch, 1);
		}
	}
}

void shell_run(void)
{
	char line[LINE_MAX];

	console_printf("\nmmos shell: type 'help' for commands\n");
	for (;;) {
		console_printf("mmos> ");
		read_line(line, sizeof(line));
		shell_exec(line);
	}
}

static int cmd_help(int argc, char **argv)
{
	const struct shell_command *last = NULL;

	if (argc != 1)
		return shell_usage(argv[0]);
	for (;;) {	/* in name order: the next name after the last printed */
		const struct shell_command *next = NULL;
		char synopsis[160];

		for (const struct shell_command *c = __start_shell_commands;
		     c < __stop_shell_commands; c++)
			if ((!last || strcmp(c->name, last->name) > 0) &&
			    (!next || strcmp(c->name, next->name) < 0))
				next = c;
		if (!next)
			break;
		last = next;
		snprintf(synopsis, sizeof(synopsis), "%s%s%s", next->name, next->usage ? " " : "",
			 next->usage ? next->usage : "");
		if (strlen(synopsis) > 24)
			console_printf("  %s\n  %-24s %s\n", synopsis, "", next->help);
		else
			console_printf("  %-24s %s\n", synopsis, next->help);
	}
	console_printf("Arrows up/down: history. Ctrl-U: clear the line. Ctrl-C: drop it.\n"
		       "Leave QEMU: poweroff (or quit, exit), or Ctrl-A X.\n");
	return 0;
}
SHELL_COMMAND(help, "list commands", cmd_help);

static int cmd_dmesg(int argc, char **argv)
{
	char line[256];
	u64 pos = 0, end = printk_log_mark();	/* what was logged before the command */
	size_t n;

	if (argc != 1)
		return shell_usage(argv[0]);
	while (pos < end && (n = printk_log_get_line(&pos, line, sizeof(line))))
		arch_console_write(line, n);
	return 0;
}
SHELL_COMMAND(dmesg, "print the kernel log buffer", cmd_dmesg);

static int cmd_cmdline(int argc, char **argv)
{
	if (argc != 1)
		return shell_usage(argv[0]);
	console_printf("%s\n", boot_command_line);
	return 0;
}
SHELL_COMMAND(cmdline, "print the boot command line", cmd_cmdline);

static int cmd_e820(int argc, char **argv)
{
	bool was;

	if (argc != 1)
		return shell_usage(argv[0]);
	was = shell_report_begin();
	e820__print_table(&e820_table, "e820");
	shell_report_end(was);
	return 0;
}
SHELL_COMMAND(e820, "print the e820 memory map", cmd_e820);

static int cmd_ktest(int argc, char **argv)
{
	if (argc != 2)
		return shell_usage(argv[0]);
	if (!strcmp(argv[1], "list")) {
		ktest_list();
		return 0;
	}
	/*
	 * A glob that names no case is a refusal, on the console as others
	 * are; one whose cases ktest.filter= all leaves out (or a refused
	 * filter) is ktest_run()'s to report: its line names the filter.
	 */
	if (!ktest_glob_matches(argv[1])) {
		console_printf("ktest: no suite matches '%s' (see 'ktest list')\n", argv[1]);
		return SHELL_FAILED;
	}
	return ktest_run(argv[1]) ? SHELL_FAILED : SHELL_OK;
}
SHELL_CMD(ktest, "GLOB[,GLOB...] | list", "run the self-test suites GLOB selects; list them",
	  cmd_ktest);

static int cmd_poweroff(int argc, char **argv)
{
	if (argc != 1)
		return shell_usage(argv[0]);
	printk("reboot: Power down\n");
	machine_power_off();
}
SHELL_COMMAND(poweroff, "power the machine off (QEMU exits)", cmd_poweroff);
SHELL_COMMAND(quit, "the same as poweroff", cmd_poweroff);
SHELL_COMMAND(exit, "the same as poweroff", cmd_poweroff);

/*
 * drain: the vmalloc ranges vfree() left for the lazy purge are purged
 * (Linux's vm_unmap_aliases()), the PKMAP slots kunmap() left mapped
 * without users are unmapped (kmap_flush_unused()), then the per-CPU page lists go back to the
 * buddy lists (Linux's drain_all_pages(NULL)), so that buddyinfo counts
 * every free page as the boot log did; "drain slab" also empties every
 * cache's per-CPU object array and frees its empty slabs (kmem_cache_shrink()
 * on each cache) before the page lists, which Linux's
 * echo 2 > /proc/sys/vm/drop_caches would not do for unreclaimable caches.
 * Nothing anyone holds is touched; page tables stay, as in Linux.
 */
static int cmd_drain(int argc, char **argv)
{
	unsigned long before = nr_free_pages(), slab = 0;

	if (argc > 2 || (argc == 2 && strcmp(argv[1], "slab")))
		return shell_usage(argv[0]);
	vm_unmap_aliases();
	kmap_flush_unused();
	if (argc == 2)
		slab = kmem_cache_shrink_all();
	drain_all_pages();
	if (argc == 2)
		console_printf("drain: %lu slab pages freed; ", slab);
	else
		console_printf("drain: ");
	console_printf("%lu pages back in the buddy lists\n", nr_free_pages() - before);
	return 0;
}
SHELL_CMD(drain, "[slab]", "purge lazily freed vmalloc ranges and kmap slots, empty the per-CPU "
	  "page lists (slab: the caches' object arrays too)", cmd_drain);

static int cmd_version(int argc, char **argv)
{
	if (argc != 1)
		return shell_usage(argv[0]);
	console_printf("%s\n", mmos_banner);
	return 0;
}
SHELL_COMMAND(version, "print the kernel version", cmd_version);
