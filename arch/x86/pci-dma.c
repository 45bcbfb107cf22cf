// SPDX-License-Identifier: MIT
/*
 * arch/x86/pci-dma.c - whether x86 needs a bounce pool, as Linux 6.12's
 * arch/x86/kernel/pci-dma.c without IOMMUs (none is emulated).
 *
 * Owns: pci_swiotlb_detect() (RAM above 4 GiB, unless iommu=off: a 32-bit
 * device could be handed memory it cannot reach) and pci_iommu_alloc(),
 * which hands the decision to swiotlb_init(). Linux builds this only for
 * x86_64 (SWIOTLB is selected by X86_64); mmos applies it to i386 PAE too,
 * where RAM above 4 GiB is HighMem (see kernel/dma/swiotlb.c).
 */
#include <asm/dma.h>
#include <asm/iommu.h>
#include <kernel/cmdline.h>
#include <kernel/string.h>
#include <kernel/swiotlb.h>

bool no_iommu;
bool x86_swiotlb_enable;

/* iommu=off|noforce... : only "off" means something without an IOMMU. */
static int iommu_setup(const char *p, const struct kernel_param *kp)
{
	(void)kp;
	if (!p)
		return -EINVAL;
	if (!strcmp(p, "off"))
		no_iommu = true;
	return 0;
}

static int iommu_get(char *buf, size_t size, const struct kernel_param *kp)
{
	(void)kp;
	return snprintf(buf, size, "%s", no_iommu ? "off" : "");
}

static const struct kernel_param_ops iommu_param_ops = {
	.set = iommu_setup, .get = iommu_get, .type = "off",
};
core_param_cb(iommu, iommu_param_ops);

static void pci_swiotlb_detect(void)
{
	/* Linux reads max_possible_pfn; without memory hotplug it is max_pfn */
	if (!no_iommu && max_pfn > MAX_DMA32_PFN)
		x86_swiotlb_enable = true;
}

void pci_iommu_alloc(void)
{
	pci_swiotlb_detect();
	swiotlb_init(x86_swiotlb_enable);
}
