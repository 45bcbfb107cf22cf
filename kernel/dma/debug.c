// SPDX-License-Identifier: MIT
/*
 * kernel/dma/debug.c - a record of every live coherent buffer and streaming
 * mapping, and the checks Linux's CONFIG_DMA_API_DEBUG makes with it
 * (kernel/dma/debug.c there: check_unmap(), check_sync(), err_printk()).
 *
 * Owns: the entries (device, bus address, size, direction, type, physical
 * address, CPU address of a coherent buffer, whether it bounced, caller),
 * in a fixed table of DMA_DEBUG_ENTRIES, as Linux preallocates its own
 * (it takes nothing from the allocators whose counters tests compare); the
 * devices seen; the counts the ktest resources sample; the `dma` report.
 *
 * Always on (Linux: a config option and dma_debug=off). A failed check is
 * one WARN in Linux's words, with " [caller <symbol>]" added, and the
 * operation is refused or corrected as debug_dma_unmap_page() says: an
 * unmap of an address never mapped, or mapped by another device, or
 * already unmapped, undoes nothing; a wrong size or direction is reported
 * and the mapping is undone with the recorded ones (Linux's debug code
 * only reports, and the unmap goes on with the driver's values).
 * A full table, as Linux's out-of-memory case, turns the checks off.
 */
#include <kernel/dma-debug.h>
#include <kernel/spinlock.h>
#include <kernel/swiotlb.h>

#define DMA_DEBUG_ENTRIES	512
#define DMA_DEBUG_DEVICES	16

struct dma_debug_entry {
	struct device *dev;
	u64 dev_addr;
	u64 size;
	phys_addr_t paddr;
	void *cpu_addr;			/* coherent buffers */
	unsigned long caller;
	int type;			/* enum dma_debug_type */
	int direction;
	bool bounced;
	bool used;
};

static struct dma_debug_entry entries[DMA_DEBUG_ENTRIES];
static struct device *devices[DMA_DEBUG_DEVICES];
static unsigned long nr_coherent, nr_mappings, error_count;
static bool global_disable;
static DEFINE_SPINLOCK(dma_debug_lock);
unsigned long dma_debug_current_caller;

static const char *const type2name[] = {
	[dma_debug_single] = "single", [dma_debug_sg] = "scatter-gather",
	[dma_debug_coherent] = "coherent", [dma_debug_page] = "page",
};

static const char *const dir2name[] = {
	[DMA_BIDIRECTIONAL] = "DMA_BIDIRECTIONAL", [DMA_TO_DEVICE] = "DMA_TO_DEVICE",
	[DMA_FROM_DEVICE] = "DMA_FROM_DEVICE", [DMA_NONE] = "DMA_NONE",
};

static const char *dir_name(int dir)
{
	return dir >= 0 && dir <= DMA_NONE ? dir2name[dir] : "DMA_?";
}

#define err_printk(dev, caller, fmt, ...) do { \
	error_count++; \
	WARN(1, "DMA-API: %s %s: " fmt " [caller %pS]\n", dev_driver_string(dev), dev_name(dev), \
	     ##__VA_ARGS__, (void *)(caller)); \
} while (0)

unsigned long debug_dma_coherent_count(void)
{
	return nr_coherent;
}

unsigned long debug_dma_mapping_count(void)
{
	return nr_mappings;
}

unsigned long debug_dma_error_count(void)
{
	return error_count;
}

void debug_dma_add_device(struct device *dev)
{
	unsigned long flags;
	int free = -1;

	spin_lock_irqsave(&dma_debug_lock, flags);
	for (int i = 0; i < DMA_DEBUG_DEVICES; i++) {
		if (devices[i] == dev)
			goto out;
		if (!devices[i] && free < 0)
			free = i;
	}
	if (free >= 0)
		devices[free] = dev;
out:
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

/*
 * Linux's dma_debug_device_change() on a driver's unbind: the device goes
 * from the report, and what it still holds is reported, once.
 */
void debug_dma_remove_device(struct device *dev)
{
	unsigned long flags, count = 0;

	spin_lock_irqsave(&dma_debug_lock, flags);
	for (int i = 0; i < DMA_DEBUG_DEVICES; i++)
		if (devices[i] == dev)
			devices[i] = NULL;
	for (int i = 0; i < DMA_DEBUG_ENTRIES; i++)
		if (entries[i].used && entries[i].dev == dev)
			count++;
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	if (count)
		err_printk(dev, _RET_IP_,
			   "device driver has pending DMA allocations while released from device [count=%lu]",
			   count);
}

static void add_entry(struct dma_debug_entry *ref)
{
	unsigned long flags;
	int i;

	spin_lock_irqsave(&dma_debug_lock, flags);
	if (global_disable) {
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		return;
	}
	for (i = 0; i < DMA_DEBUG_ENTRIES; i++)
		if (!entries[i].used)
			break;
	if (i == DMA_DEBUG_ENTRIES) {
		global_disable = true;
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		pr_err("DMA-API: debugging out of memory - disabling\n");
		return;
	}
	entries[i] = *ref;
	entries[i].used = true;
	if (ref->type == dma_debug_coherent)
		nr_coherent++;
	else
		nr_mappings++;
	spin_unlock_irqrestore(&dma_debug_lock, flags);
}

static void remove_entry(struct dma_debug_entry *e)
{
	if (e->type == dma_debug_coherent)
		nr_coherent--;
	else
		nr_mappings--;
	e->used = false;
}

/* The live entry of dev at exactly addr (NULL: none). Lock held. */
static struct dma_debug_entry *find_entry(struct device *dev, u64 addr)
{
	for (int i = 0; i < DMA_DEBUG_ENTRIES; i++)
		if (entries[i].used && entries[i].dev == dev && entries[i].dev_addr == addr)
			return &entries[i];
	return NULL;
}

void debug_dma_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			enum dma_data_direction dir, dma_addr_t dma_addr, bool bounced, int type,
			unsigned long caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = dma_addr, .size = size, .type = type, .direction = dir,
		.paddr = page_to_phys(page) + offset, .caller = caller, .bounced = bounced,
	};

	if (dma_addr == DMA_MAPPING_ERROR)
		return;
	debug_dma_add_device(dev);
	add_entry(&ref);
}

/*
 * Linux's check_unmap() for one entry: ref is what the driver passed.
 * Returns 1: found and removed (*ref corrected to the record); 0: not
 * found; -1: found but of another type (kept).
 */
static int check_unmap(struct dma_debug_entry *ref)
{
	struct dma_debug_entry *entry, copy;
	unsigned long flags;

	spin_lock_irqsave(&dma_debug_lock, flags);
	if (global_disable) {
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		return 1;
	}
	entry = find_entry(ref->dev, ref->dev_addr);
	if (!entry) {
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		err_printk(ref->dev, ref->caller,
			   "device driver tries to free DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)ref->size);
		return 0;
	}
	copy = *entry;
	if (copy.type != ref->type) {
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		err_printk(ref->dev, ref->caller,
			   "device driver frees DMA memory with different type [device address=0x%016llx] [size=%llu bytes] [mapped as %s] [unmapped as %s]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)ref->size,
			   type2name[copy.type], type2name[ref->type]);
		return -1;
	}
	remove_entry(entry);
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	if (ref->size != copy.size)
		err_printk(ref->dev, ref->caller,
			   "device driver frees DMA memory with different size [device address=0x%016llx] [map size=%llu bytes] [unmap size=%llu bytes]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)copy.size,
			   (unsigned long long)ref->size);
	if (ref->direction != copy.direction)
		err_printk(ref->dev, ref->caller,
			   "device driver frees DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [unmapped with %s]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)ref->size,
			   dir_name(copy.direction), dir_name(ref->direction));
	if (ref->type == dma_debug_coherent && ref->cpu_addr != copy.cpu_addr)
		err_printk(ref->dev, ref->caller,
			   "device driver frees DMA memory with different CPU address [device address=0x%016llx] [size=%llu bytes] [cpu alloc address=0x%p] [cpu free address=0x%p]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)ref->size,
			   copy.cpu_addr, ref->cpu_addr);
	ref->size = copy.size;
	ref->direction = copy.direction;
	return 1;
}

bool debug_dma_unmap_page(struct device *dev, dma_addr_t addr, size_t *size,
			  enum dma_data_direction *dir, int type, unsigned long caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = addr, .size = *size, .type = type, .direction = *dir,
		.caller = caller,
	};

	if (check_unmap(&ref) != 1)
		return false;
	*size = (size_t)ref.size;
	*dir = (enum dma_data_direction)ref.direction;
	return true;
}

void debug_dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t dma_addr, void *virt,
			      unsigned long caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = dma_addr, .size = size, .type = dma_debug_coherent,
		.direction = DMA_BIDIRECTIONAL, .paddr = dma_addr, .cpu_addr = virt,
		.caller = caller,
	};

	if (!virt)
		return;
	debug_dma_add_device(dev);
	add_entry(&ref);
}

bool debug_dma_free_coherent(struct device *dev, size_t *size, void *virt, dma_addr_t addr,
			     unsigned long caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = addr, .size = *size, .type = dma_debug_coherent,
		.direction = DMA_BIDIRECTIONAL, .cpu_addr = virt, .caller = caller,
	};

	if (check_unmap(&ref) != 1)
		return false;
	*size = (size_t)ref.size;
	return true;
}

/* Linux's check_sync(): inside one live streaming mapping of dev, in its direction. */
bool debug_dma_sync_single(struct device *dev, dma_addr_t addr, size_t size,
			   enum dma_data_direction dir, bool for_cpu, unsigned long caller)
{
	struct dma_debug_entry *entry = NULL, copy = { 0 };
	unsigned long flags;

	(void)for_cpu;
	spin_lock_irqsave(&dma_debug_lock, flags);
	if (global_disable) {
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		return true;
	}
	for (int i = 0; i < DMA_DEBUG_ENTRIES; i++) {
		struct dma_debug_entry *e = &entries[i];

		if (e->used && e->dev == dev && e->type != dma_debug_coherent &&
		    addr >= e->dev_addr && addr < e->dev_addr + e->size) {
			entry = e;
			break;
		}
	}
	if (entry)
		copy = *entry;
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	if (!entry) {
		err_printk(dev, caller,
			   "device driver tries to sync DMA memory it has not allocated [device address=0x%016llx] [size=%llu bytes]",
			   (unsigned long long)addr, (unsigned long long)size);
		return false;
	}
	if (addr + size > copy.dev_addr + copy.size) {
		err_printk(dev, caller,
			   "device driver syncs DMA memory outside allocated range [device address=0x%016llx] [allocation size=%llu bytes] [sync offset+size=%llu]",
			   (unsigned long long)copy.dev_addr, (unsigned long long)copy.size,
			   (unsigned long long)(addr - copy.dev_addr + size));
		return false;
	}
	if (copy.direction != DMA_BIDIRECTIONAL && (int)dir != copy.direction) {
		err_printk(dev, caller,
			   "device driver syncs DMA memory with different direction [device address=0x%016llx] [size=%llu bytes] [mapped with %s] [synced with %s]",
			   (unsigned long long)addr, (unsigned long long)size,
			   dir_name(copy.direction), dir_name(dir));
		return false;
	}
	return true;
}

static void show_entries(bool coherent)
{
	for (int i = 0; i < DMA_DEBUG_ENTRIES; i++) {
		struct dma_debug_entry *e = &entries[i];

		if (!e->used || (e->type == dma_debug_coherent) != coherent)
			continue;
		if (coherent)
			printk(KERN_INFO "  %s %s: dma %#llx size %llu cpu %p %pS\n",
			       dev_driver_string(e->dev), dev_name(e->dev),
			       (unsigned long long)e->dev_addr, (unsigned long long)e->size,
			       e->cpu_addr, (void *)e->caller);
		else
			printk(KERN_INFO "  %s %s: dma %#llx size %llu %s %s phys %#llx%s %pS\n",
			       dev_driver_string(e->dev), dev_name(e->dev),
			       (unsigned long long)e->dev_addr, (unsigned long long)e->size,
			       type2name[e->type], dir_name(e->direction),
			       (unsigned long long)e->paddr, e->bounced ? " bounced" : "",
			       (void *)e->caller);
	}
}

void debug_dma_show(void)
{
	printk(KERN_INFO "DMA devices:\n");
	for (int i = 0; i < DMA_DEBUG_DEVICES; i++) {
		struct device *dev = devices[i];

		if (dev)
			printk(KERN_INFO "  %s %s: dma_mask %#llx coherent_dma_mask %#llx bus_dma_limit %#llx\n",
			       dev_driver_string(dev), dev_name(dev),
			       (unsigned long long)(dev->dma_mask ? *dev->dma_mask : 0),
			       (unsigned long long)dev->coherent_dma_mask,
			       (unsigned long long)dev->bus_dma_limit);
	}
	printk(KERN_INFO "coherent allocations: %lu\n", nr_coherent);
	show_entries(true);
	printk(KERN_INFO "streaming mappings: %lu\n", nr_mappings);
	show_entries(false);
	printk(KERN_INFO "DMA-API errors: %lu%s\n", error_count,
	       global_disable ? " (debugging disabled: table full)" : "");
}
