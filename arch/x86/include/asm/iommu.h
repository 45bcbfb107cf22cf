/* SPDX-License-Identifier: MIT */
/*
 * asm/iommu.h - the x86 DMA set-up at boot (arch/x86/pci-dma.c).
 */
#ifndef ASM_IOMMU_H
#define ASM_IOMMU_H

#include <kernel/types.h>

/* iommu=off (Linux's no_iommu): no bounce pool even with RAM above 4 GiB. */
extern bool no_iommu;
/* Whether pci_swiotlb_detect() asked for the bounce pool. */
extern bool x86_swiotlb_enable;
/*
 * Decide on the bounce pool and reserve it (kernel/dma/swiotlb.c). Linux
 * calls it from mem_init(), just before memblock_free_all(); mmos at the
 * end of setup_arch(), the last step before mm_core_init() frees memblock.
 */
void pci_iommu_alloc(void);

#endif
