// SPDX-License-Identifier: MIT
/*
 * kernel/dma/debug.c - a record of every live coherent buffer and streaming
 * mapping, and the checks Linux's CONFIG_DMA_API_DEBUG makes with it
 * (kernel/dma/debug.c there: check_unmap(), check_sync(), err_printk()).
 *
 * Owns: the entries (device, bus address, size, direction, type, physical
 * address, CPU address of a coherent buffer, whether it bounced, caller);
 * the devices seen; the counts the ktest resources sample; the `dma` report.
 *
 * The entries live in chunks: a static one of DMA_DEBUG_ENTRIES, which
 * takes nothing from the allocators whose counters tests compare, and
 * pages added when it is full, as Linux's dma_debug_create_entries() adds
 * pages with GFP_ATOMIC (Linux starts from 65536 preallocated entries and
 * keeps what it added; mmos gives an added page back once it holds no
 * entry, so the page counts return to what they were).
 *
 * Always on (Linux: a config option and dma_debug=off). A failed check is
 * one WARN in Linux's words, with " [caller <symbol>]" added, and the
 * operation is refused or corrected as debug_dma_unmap_page() says: an
 * unmap of an address never mapped, or mapped by another device, or
 * already unmapped, undoes nothing; a wrong size or direction is reported
 * and the mapping is undone with the recorded ones (Linux's debug code
 * only reports, and the unmap goes on with the driver's values).
 * The records never stop: when no page can be had for a new entry, the
 * map or allocation it would record is refused (mapping.c undoes it),
 * where Linux turns its checks off for good.
 */
#include <kernel/dma-debug.h>
#include <kernel/spinlock.h>
#include <kernel/string.h>
#include <kernel/swiotlb.h>
#include <mm/gfp.h>

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
	int map_err_type;		/* enum map_err_types */
	bool bounced;
	bool used;
};

/*
 * Linux's map_err_types: a single or page mapping starts "not checked",
 * dma_mapping_error() on its address makes it "checked", and an unmap of
 * one still not checked is reported (the driver never looked whether the
 * map failed). Coherent buffers and sg entries are "not applicable".
 */
enum map_err_types {
	MAP_ERR_CHECK_NOT_APPLICABLE,
	MAP_ERR_NOT_CHECKED,
	MAP_ERR_CHECKED,
};

/* A run of entries: the static one, or a page with this header first. */
struct dma_debug_chunk {
	struct dma_debug_chunk *next;
	struct dma_debug_entry *entries;
	unsigned int nr, used;
};

#define DMA_DEBUG_PAGE_ENTRIES \
	((PAGE_SIZE - sizeof(struct dma_debug_chunk)) / sizeof(struct dma_debug_entry))

static struct dma_debug_entry static_entries[DMA_DEBUG_ENTRIES];
static struct dma_debug_chunk static_chunk = {
	.entries = static_entries, .nr = DMA_DEBUG_ENTRIES,
};
static unsigned long nr_added_pages;

#define for_each_chunk(c)	for ((c) = &static_chunk; (c); (c) = (c)->next)
#define for_each_entry(c, e) \
	for_each_chunk(c) for ((e) = (c)->entries; (e) < (c)->entries + (c)->nr; (e)++)

static struct device *devices[DMA_DEBUG_DEVICES];
static unsigned long nr_coherent, nr_mappings, error_count, nr_refused;
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
	struct dma_debug_chunk *c;
	struct dma_debug_entry *e;
	unsigned long flags, count = 0;

	spin_lock_irqsave(&dma_debug_lock, flags);
	for (int i = 0; i < DMA_DEBUG_DEVICES; i++)
		if (devices[i] == dev)
			devices[i] = NULL;
	for_each_entry(c, e)
		if (e->used && e->dev == dev)
			count++;
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	if (count)
		err_printk(dev, _RET_IP_,
			   "device driver has pending DMA allocations while released from device [count=%lu]",
			   count);
}

/* A free entry, or NULL when every chunk is full. Lock held. */
static struct dma_debug_entry *free_entry(struct dma_debug_chunk **chunkp)
{
	struct dma_debug_chunk *c;
	struct dma_debug_entry *e;

	for_each_chunk(c) {
		if (c->used == c->nr)
			continue;
		for (e = c->entries; e < c->entries + c->nr; e++)
			if (!e->used) {
				*chunkp = c;
				return e;
			}
	}
	return NULL;
}

/* Linux's dma_debug_create_entries(): one more page of entries. */
static bool add_chunk(void)
{
	struct dma_debug_chunk *c = (struct dma_debug_chunk *)__get_free_page(GFP_ATOMIC);
	unsigned long flags;

	if (!c)
		return false;
	memset(c, 0, PAGE_SIZE);
	c->entries = (struct dma_debug_entry *)(c + 1);
	c->nr = (unsigned int)DMA_DEBUG_PAGE_ENTRIES;
	spin_lock_irqsave(&dma_debug_lock, flags);
	c->next = static_chunk.next;
	static_chunk.next = c;
	nr_added_pages++;
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	return true;
}

/*
 * Record ref. false: no entry could be had (reported); the caller must
 * undo what it would have recorded, since nothing could check it later.
 */
static bool add_entry(struct dma_debug_entry *ref)
{
	struct dma_debug_chunk *c;
	struct dma_debug_entry *e;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&dma_debug_lock, flags);
		e = free_entry(&c);
		if (e)
			break;
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		if (!add_chunk()) {
			nr_refused++;
			err_printk(ref->dev, ref->caller,
				   "debugging out of memory - refusing the %s of %llu bytes at device address 0x%016llx",
				   ref->type == dma_debug_coherent ? "allocation" : "mapping",
				   (unsigned long long)ref->size, (unsigned long long)ref->dev_addr);
			return false;
		}
	}
	*e = *ref;
	e->used = true;
	c->used++;
	if (ref->type == dma_debug_coherent)
		nr_coherent++;
	else
		nr_mappings++;
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	return true;
}

/*
 * Drop e from chunk c. Returns an added page left empty, unlinked, for the
 * caller to free once the lock is dropped (NULL: none). Lock held.
 */
static struct dma_debug_chunk *remove_entry(struct dma_debug_chunk *c, struct dma_debug_entry *e)
{
	struct dma_debug_chunk **pp;

	if (e->type == dma_debug_coherent)
		nr_coherent--;
	else
		nr_mappings--;
	e->used = false;
	if (--c->used || c == &static_chunk)
		return NULL;
	for (pp = &static_chunk.next; *pp != c; pp = &(*pp)->next)
		;
	*pp = c->next;
	nr_added_pages--;
	return c;
}

/*
 * The live entry of ref's device at ref's address that matches it best,
 * as Linux's bucket_find_exact(): two mappings may share a bus address
 * (a buffer mapped with dma_map_single() and its page with dma_map_page()),
 * so each candidate scores a point for the same size, type, direction and
 * CPU address, and a full score ends the search. NULL: none. Lock held.
 */
static struct dma_debug_entry *find_entry(const struct dma_debug_entry *ref,
					  struct dma_debug_chunk **chunkp)
{
	struct dma_debug_entry *e, *best = NULL;
	struct dma_debug_chunk *c;
	int best_lvl = -1;

	for_each_entry(c, e) {
		int lvl;

		if (!e->used || e->dev != ref->dev || e->dev_addr != ref->dev_addr)
			continue;
		lvl = (e->size == ref->size) + (e->type == ref->type) +
		      (e->direction == ref->direction) + (e->cpu_addr == ref->cpu_addr);
		if (lvl > best_lvl) {
			best_lvl = lvl;
			best = e;
			*chunkp = c;
			if (lvl == 4)
				break;
		}
	}
	return best;
}

bool debug_dma_map_page(struct device *dev, struct page *page, size_t offset, size_t size,
			enum dma_data_direction dir, dma_addr_t dma_addr, bool bounced, int type,
			unsigned long caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = dma_addr, .size = size, .type = type, .direction = dir,
		.paddr = page_to_phys(page) + offset, .caller = caller, .bounced = bounced,
		.map_err_type = type == dma_debug_sg ? MAP_ERR_CHECK_NOT_APPLICABLE
						     : MAP_ERR_NOT_CHECKED,
	};

	if (dma_addr == DMA_MAPPING_ERROR)
		return true;
	debug_dma_add_device(dev);
	return add_entry(&ref);
}

/*
 * Linux's check_unmap() for one entry: ref is what the driver passed.
 * Returns 1: found and removed (*ref corrected to the record); 0: not
 * found; -1: found but of another type (kept).
 */
static int check_unmap(struct dma_debug_entry *ref)
{
	struct dma_debug_entry *entry, copy;
	struct dma_debug_chunk *chunk = NULL, *empty;
	unsigned long flags;

	spin_lock_irqsave(&dma_debug_lock, flags);
	entry = find_entry(ref, &chunk);
	if (!entry) {
		spin_unlock_irqrestore(&dma_debug_lock, flags);
		if (ref->dev_addr == DMA_MAPPING_ERROR)
			err_printk(ref->dev, ref->caller,
				   "device driver tries to free an invalid DMA memory address");
		else
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
	empty = remove_entry(chunk, entry);
	spin_unlock_irqrestore(&dma_debug_lock, flags);
	if (empty)
		free_page((unsigned long)empty);
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
	if (copy.map_err_type == MAP_ERR_NOT_CHECKED)
		err_printk(ref->dev, ref->caller,
			   "device driver failed to check map error [device address=0x%016llx] [size=%llu bytes] [mapped as %s]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)ref->size,
			   type2name[copy.type]);
	if (ref->type == dma_debug_coherent && ref->cpu_addr != copy.cpu_addr)
		err_printk(ref->dev, ref->caller,
			   "device driver frees DMA memory with different CPU address [device address=0x%016llx] [size=%llu bytes] [cpu alloc address=0x%p] [cpu free address=0x%p]",
			   (unsigned long long)ref->dev_addr, (unsigned long long)ref->size,
			   copy.cpu_addr, ref->cpu_addr);
	ref->size = copy.size;
	ref->direction = copy.direction;
	return 1;
}

/*
 * Linux's debug_dma_mapping_error(): the first live mapping of dev at addr
 * not yet checked is marked checked (one bus address may be mapped more
 * than once; each map is owed one check).
 */
void debug_dma_mapping_error(struct device *dev, dma_addr_t dma_addr)
{
	struct dma_debug_chunk *c;
	struct dma_debug_entry *e;
	unsigned long flags;

	spin_lock_irqsave(&dma_debug_lock, flags);
	for_each_entry(c, e)
		if (e->used && e->dev == dev && e->dev_addr == dma_addr &&
		    e->map_err_type == MAP_ERR_NOT_CHECKED) {
			e->map_err_type = MAP_ERR_CHECKED;
			break;
		}
	spin_unlock_irqrestore(&dma_debug_lock, flags);
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

bool debug_dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t dma_addr, void *virt,
			      unsigned long caller)
{
	struct dma_debug_entry ref = {
		.dev = dev, .dev_addr = dma_addr, .size = size, .type = dma_debug_coherent,
		.direction = DMA_BIDIRECTIONAL, .paddr = dma_addr, .cpu_addr = virt,
		.caller = caller,
	};

	if (!virt)
		return true;
	debug_dma_add_device(dev);
	return add_entry(&ref);
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
	struct dma_debug_entry *entry = NULL, *e, copy = { 0 };
	struct dma_debug_chunk *c;
	unsigned long flags;
	int best_lvl = -1;

	(void)for_cpu;
	spin_lock_irqsave(&dma_debug_lock, flags);
	/* overlapping mappings: prefer one that holds the whole range, then the direction */
	for_each_entry(c, e) {
		int lvl;

		if (!e->used || e->dev != dev || e->type == dma_debug_coherent ||
		    addr < e->dev_addr || addr >= e->dev_addr + e->size)
			continue;
		lvl = (addr + size <= e->dev_addr + e->size) * 2 +
		      (e->direction == DMA_BIDIRECTIONAL || e->direction == (int)dir);
		if (lvl > best_lvl) {
			best_lvl = lvl;
			entry = e;
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
	struct dma_debug_chunk *c;
	struct dma_debug_entry *e;

	for_each_entry(c, e) {
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
	printk(KERN_INFO "DMA-API errors: %lu\n", error_count);
	if (nr_added_pages || nr_refused)
		printk(KERN_INFO "DMA-API entries: %u static, %lu pages added, %lu operations refused for want of one\n",
		       DMA_DEBUG_ENTRIES, nr_added_pages, nr_refused);
}
