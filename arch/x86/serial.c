// SPDX-License-Identifier: MIT
/*
 * arch/x86/serial.c - the 16550 UART on COM1: the kernel console.
 *
 * Owns: COM1 set-up (115200 8N1, FIFOs on), polled output, and input through
 * IRQ 4 into a small ring that the shell reads (polled input before IRQs are
 * on). Output is always polled, so an oops still reaches the wire.
 * Input is never dropped by the kernel: the FIFOs are left as the firmware
 * left them (switching them on clears them, and with them a byte typed or
 * piped while the machine booted), and when the ring is full the receive
 * interrupt is masked and the bytes wait in the UART (QEMU then stops
 * reading its input) until the shell has read some.
 * Locking: output is serialised by printk's lock; the input ring has one
 * producer (the IRQ) and one consumer (the shell), indices written once each.
 */
#include <asm/io.h>
#include <asm/irq.h>
#include <kernel/console.h>

#define COM1		0x3f8
#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_IER	1
#define UART_FCR	2	/* FIFO control (write) */
#define UART_IIR	2	/* interrupt identification (read) */
#define UART_IIR_FIFO_ON	0xc0
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_LSR_DR	0x01
#define UART_LSR_THRE	0x20
#define UART_DLL	0
#define UART_DLM	1

#define RX_RING		256

static char rx_ring[RX_RING];
static volatile unsigned int rx_head, rx_tail;
static bool rx_irq_on;
static volatile bool rx_throttled;	/* ring full: IER's data interrupt off */

/* Move what the UART holds into the ring; false when the ring filled first. */
static bool serial_rx_pull(void)
{
	while (inb(COM1 + UART_LSR) & UART_LSR_DR) {
		unsigned int next = (rx_head + 1) % RX_RING;

		if (next == rx_tail)
			return false;	/* leave it in the UART */
		rx_ring[rx_head] = (char)inb(COM1 + UART_RBR);
		rx_head = next;
	}
	return true;
}

void serial_init(void)
{
	outb(COM1 + UART_IER, 0x00);
	outb(COM1 + UART_LCR, 0x80);	/* DLAB: divisor follows */
	outb(COM1 + UART_DLL, 0x01);	/* 115200 baud */
	outb(COM1 + UART_DLM, 0x00);
	outb(COM1 + UART_LCR, 0x03);	/* 8 bits, no parity, 1 stop */
	/*
	 * The FIFOs stay as they are. Turning them on clears them (the 16550
	 * and QEMU both do whenever FCR's enable bit changes), which loses the
	 * byte already waiting; reading it first still loses the next one if it
	 * arrives before the FCR write (QEMU delivers from another thread).
	 * Without FIFOs the UART holds one byte and QEMU keeps the rest of its
	 * input back until that one is read: nothing is lost. If the firmware
	 * left them on, only the trigger level is set, nothing is cleared.
	 */
	if ((inb(COM1 + UART_IIR) & UART_IIR_FIFO_ON) == UART_IIR_FIFO_ON)
		outb(COM1 + UART_FCR, 0xc1);	/* on, 14-byte trigger */
	outb(COM1 + UART_MCR, 0x0b);	/* DTR, RTS, OUT2 (IRQ line enable) */
}

static void serial_putc(char c)
{
	unsigned int spins = 0;

	/* bounded wait: a dead UART must not hang an oops */
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE) && ++spins < 1000000)
		;
	outb(COM1 + UART_THR, (u8)c);
}

void arch_console_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial_putc('\r');
		serial_putc(s[i]);
	}
}

static void serial_rx_irq(unsigned int irq)
{
	(void)irq;
	if (!serial_rx_pull()) {
		/* full: stop listening rather than drop; arch_console_getc() resumes */
		rx_throttled = true;
		outb(COM1 + UART_IER, 0x00);
	}
}

void serial_enable_rx_irq(void)
{
	request_irq(4, serial_rx_irq);
	outb(COM1 + UART_IER, 0x01);	/* data-available interrupt */
	rx_irq_on = true;
}

int arch_console_getc(void)
{
	char c;

	if (!rx_irq_on)
		serial_rx_pull();	/* polled: IRQs are not on yet */
	if (rx_tail == rx_head)
		return -1;
	c = rx_ring[rx_tail];
	rx_tail = (rx_tail + 1) % RX_RING;
	if (rx_throttled) {
		rx_throttled = false;
		outb(COM1 + UART_IER, 0x01);	/* pending data raises the IRQ again */
	}
	return (unsigned char)c;
}
