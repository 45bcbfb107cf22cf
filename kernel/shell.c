// SPDX-License-Identifier: MIT
/*
 * kernel/shell.c - a line-oriented shell on the serial console.
 *
 * Owns: line input (echo, backspace, Ctrl-U), splitting into words, and
 * dispatch to the commands registered with SHELL_COMMAND. Waits for input
 * with hlt: the UART interrupt wakes it.
 * Built-ins here: help, dmesg, cmdline, e820, ktest, poweroff.
 */
#include <asm/e820.h>
#include <asm/processor.h>
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/init.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/reboot.h>
#include <kernel/shell.h>
#include <kernel/string.h>

extern const struct shell_command __start_shell_commands[], __stop_shell_commands[];

#define MAX_ARGS	16
#define LINE_MAX	256

int shell_exec(char *line)
{
	char *argv[MAX_ARGS];
	int argc = 0;
	char *p = line;

	while (*p && argc < MAX_ARGS) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (!*p)
			break;
		argv[argc++] = p;
		while (*p && *p != ' ' && *p != '\t')
			p++;
	}
	if (!argc)
		return 0;
	for (const struct shell_command *c = __start_shell_commands; c < __stop_shell_commands; c++)
		if (!strcmp(c->name, argv[0]))
			return c->fn(argc, argv);
	console_printf("%s: command not found (try 'help')\n", argv[0]);
	return -1;
}

static int read_line(char *buf, size_t size)
{
	size_t n = 0;

	for (;;) {
		int c = arch_console_getc();

		if (c < 0) {
			halt();	/* the UART or timer interrupt wakes us */
			continue;
		}
		if (c == '\r' || c == '\n') {
			console_printf("\n");
			buf[n] = '\0';
			return (int)n;
		}
		if ((c == 0x7f || c == '\b') && n) {
			n--;
			arch_console_write("\b \b", 3);
		} else if (c == 0x15) {	/* Ctrl-U: kill the line */
			while (n) {
				n--;
				arch_console_write("\b \b", 3);
			}
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
	(void)argc;
	(void)argv;
	for (const struct shell_command *c = __start_shell_commands; c < __stop_shell_commands; c++)
		console_printf("  %-12s %s\n", c->name, c->help);
	return 0;
}
SHELL_COMMAND(help, "list commands", cmd_help);

static int cmd_dmesg(int argc, char **argv)
{
	static char buf[LOG_BUF_SIZE + 1];
	u64 now = printk_log_mark();

	(void)argc;
	(void)argv;
	printk_log_read(now > LOG_BUF_SIZE ? now - LOG_BUF_SIZE : 0, buf, sizeof(buf));
	arch_console_write(buf, strlen(buf));
	return 0;
}
SHELL_COMMAND(dmesg, "print the kernel log buffer", cmd_dmesg);

static int cmd_cmdline(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_printf("%s\n", boot_command_line);
	return 0;
}
SHELL_COMMAND(cmdline, "print the boot command line", cmd_cmdline);

static int cmd_e820(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	e820__print_table(&e820_table, "e820");
	return 0;
}
SHELL_COMMAND(e820, "print the e820 memory map", cmd_e820);

static int cmd_ktest(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "list")) {
		console_printf("usage: ktest <glob>[,<glob>...]   (suites: see below)\n");
		ktest_list();
		return 0;
	}
	return ktest_run(argv[1]) ? 1 : 0;
}
SHELL_COMMAND(ktest, "run self-test suites: ktest <glob>, ktest list", cmd_ktest);

static int cmd_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printk("reboot: Power down\n");
	machine_power_off();
}
SHELL_COMMAND(poweroff, "power the machine off (QEMU exits)", cmd_poweroff);

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_printf("%s\n", mmos_banner);
	return 0;
}
SHELL_COMMAND(version, "print the kernel version", cmd_version);
