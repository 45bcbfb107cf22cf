// SPDX-License-Identifier: MIT
/*
 * tests/host/main.c - the hosted test runner: boot mm/ on a simulated
 * machine, run the selected KTAP suites, exit 0 if all passed.
 *
 * usage: mmos-host [--map NAME] [--cmdline STR] [glob | list], or
 * mmos-host --list-maps. "list" prints the suites, as ktest=list does.
 * mmos-host --next-arg STR prints how the kernel's next_arg() splits STR,
 * one argument a line: "P param" then "V value" or "N" (no '='), so that
 * host tools (tools/grub-cmdline's check) compare with the kernel itself.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

void parse_boot_params(void);
unsigned int ktest_run(const char *glob);
void ktest_list(void);
bool host_boot(const char *name);
const char *host_map_at(unsigned int i);
extern char boot_command_line[2048];
char *next_arg(char *args, char **param, char **val);

/* parse_args()'s loop without a parameter table: skip blanks, split one. */
static void print_next_args(const char *line)
{
	char buf[2048], *args = buf, *param, *val;

	snprintf(buf, sizeof(buf), "%s", line);
	for (;;) {
		while (*args == ' ' || *args == '\t' || *args == '\n' || *args == '\r')
			args++;
		if (!*args)
			return;
		args = next_arg(args, &param, &val);
		printf("P %s\n", param);
		if (val)
			printf("V %s\n", val);
		else
			printf("N\n");
	}
}

/* The machines' names, sep between them, and a newline. */
static void list_maps(FILE *f, const char *sep)
{
	for (unsigned int i = 0; host_map_at(i); i++)
		fprintf(f, "%s%s", i ? sep : "", host_map_at(i));
	fprintf(f, "\n");
}

int main(int argc, char **argv)
{
	const char *map = "qemu-512M", *glob = "*", *cmdline = "";
	unsigned int failed;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--next-arg") && i + 1 < argc) {
			print_next_args(argv[i + 1]);
			return 0;
		}
		if (!strcmp(argv[i], "--list-maps")) {
			list_maps(stdout, "\n");
			return 0;
		}
		if (!strcmp(argv[i], "--map") && i + 1 < argc)
			map = argv[++i];
		else if (!strcmp(argv[i], "--cmdline") && i + 1 < argc)
			cmdline = argv[++i];
		else
			glob = argv[i];
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	snprintf(boot_command_line, sizeof(boot_command_line), "%s", cmdline);
	parse_boot_params();
	if (!host_boot(map)) {
		fprintf(stderr, "usage: %s [--map NAME] [--cmdline STR] [suite glob | list]"
			" | --list-maps\nmaps: ", argv[0]);
		list_maps(stderr, " ");
		return 2;
	}
	if (!strcmp(glob, "list")) {
		ktest_list();
		return 0;
	}
	failed = ktest_run(glob);
	fflush(stdout);
	return failed ? 1 : 0;
}
