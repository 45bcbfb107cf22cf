/* SPDX-License-Identifier: MIT */
/*
 * mm/vmstat.h - the /proc-style memory reports, printed with printk in
 * Linux's formats (so they land in the log, where tests can read them; the
 * shell prints them in report mode: no stamp, not logged).
 */
#ifndef MM_VMSTAT_H
#define MM_VMSTAT_H

/* /proc/buddyinfo: one line per populated zone, free blocks per order. */
void show_buddyinfo(void);
/* /proc/zoneinfo: watermarks, sizes, protection and pagesets of every zone. */
void show_zoneinfo(void);
/* /proc/meminfo: MemTotal, MemFree, MemAvailable, High/Low totals, ... */
void show_meminfo(void);
/* The arch's last lines of meminfo (x86: DirectMap4k/2M/1G); weak, empty by default. */
void arch_report_meminfo(void);
/* MemAvailable in pages: free pages above the zones' reserves. */
unsigned long si_mem_available(void);

#endif
