/* SPDX-License-Identifier: MIT */
/*
 * mm/gfp_types.h - GFP ("get free pages") flag bits and their combinations.
 *
 * Three layers, as in Linux: ___GFP_* raw bits, __GFP_* typed modifiers,
 * GFP_* ready-made combinations. Values are Linux's (6.12).
 *
 * Zone modifiers (at most one of DMA, DMA32, HIGHMEM; see gfp_zone()):
 *   __GFP_DMA      physical memory below 16 MiB (ISA DMA)
 *   __GFP_DMA32    below 4 GiB (32-bit DMA); on i386, which has no DMA32
 *                  zone, it means low memory (ZONE_NORMAL)
 *   __GFP_HIGHMEM  may come from HIGHMEM (i386), i.e. from pages with no
 *                  permanent kernel address; on x86_64 it means NORMAL
 *   __GFP_MOVABLE  a mobility hint; with __GFP_HIGHMEM it allows ZONE_MOVABLE
 * Action modifiers:
 *   __GFP_ZERO     return zeroed memory
 *   __GFP_COMP     make an order > 0 block a compound page
 *   __GFP_NOWARN   no allocation-failure report
 *   __GFP_NOFAIL   the caller cannot handle failure. With __GFP_DIRECT_RECLAIM,
 *                  its last resort is Linux's nopage: try, half of min
 *                  (ALLOC_MIN_RESERVE), and mmos panics if even that fails:
 *                  it has no reclaim to wait for and no OOM path (with an
 *                  OOM killer, Linux gives a small NOFAIL request that may
 *                  OOM-kill no watermarks at all). Without __GFP_DIRECT_RECLAIM
 *                  it fails. Either way, as 6.12, one warning for a request
 *                  that may not reclaim or is above order 1.
 *   __GFP_RETRY_MAYFAIL, __GFP_NORETRY   reclaim policy; mmos has no
 *                  reclaim, so they are accepted and change nothing
 *   __GFP_HIGH     may dip into half of the min reserve (GFP_ATOMIC)
 *   __GFP_MEMALLOC may ignore the watermarks and lowmem_reserve altogether,
 *                  down to the last free page (ALLOC_NO_WATERMARKS), once
 *                  the normal tries failed; for those who free memory
 *   __GFP_NOMEMALLOC  never that, nor ALLOC_NON_BLOCK: it cancels
 *                  __GFP_MEMALLOC and GFP_ATOMIC's extra quarter
 */
#ifndef MM_GFP_TYPES_H
#define MM_GFP_TYPES_H

typedef unsigned int gfp_t;

#define ___GFP_DMA		0x01u
#define ___GFP_HIGHMEM		0x02u
#define ___GFP_DMA32		0x04u
#define ___GFP_MOVABLE		0x08u
#define ___GFP_RECLAIMABLE	0x10u
#define ___GFP_HIGH		0x20u
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_ZERO		0x100u
#define ___GFP_DIRECT_RECLAIM	0x400u
#define ___GFP_KSWAPD_RECLAIM	0x800u
#define ___GFP_WRITE		0x1000u
#define ___GFP_NOWARN		0x2000u
#define ___GFP_RETRY_MAYFAIL	0x4000u
#define ___GFP_NOFAIL		0x8000u
#define ___GFP_NORETRY		0x10000u
#define ___GFP_MEMALLOC		0x20000u
#define ___GFP_COMP		0x40000u
#define ___GFP_NOMEMALLOC	0x80000u
#define ___GFP_HARDWALL		0x100000u
#define ___GFP_THISNODE		0x200000u
#define ___GFP_ACCOUNT		0x400000u
#define ___GFP_ZEROTAGS		0x800000u
#define __GFP_BITS_SHIFT	24

#define __GFP_DMA		((gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM		((gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32		((gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE		((gfp_t)___GFP_MOVABLE)
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)
#define __GFP_RECLAIMABLE	((gfp_t)___GFP_RECLAIMABLE)
#define __GFP_HIGH		((gfp_t)___GFP_HIGH)
#define __GFP_IO		((gfp_t)___GFP_IO)
#define __GFP_FS		((gfp_t)___GFP_FS)
#define __GFP_ZERO		((gfp_t)___GFP_ZERO)
#define __GFP_DIRECT_RECLAIM	((gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM	((gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define __GFP_WRITE		((gfp_t)___GFP_WRITE)
#define __GFP_NOWARN		((gfp_t)___GFP_NOWARN)
#define __GFP_RETRY_MAYFAIL	((gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL		((gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY		((gfp_t)___GFP_NORETRY)
#define __GFP_MEMALLOC		((gfp_t)___GFP_MEMALLOC)
#define __GFP_COMP		((gfp_t)___GFP_COMP)
#define __GFP_NOMEMALLOC	((gfp_t)___GFP_NOMEMALLOC)
#define __GFP_HARDWALL		((gfp_t)___GFP_HARDWALL)
#define __GFP_THISNODE		((gfp_t)___GFP_THISNODE)
#define __GFP_ACCOUNT		((gfp_t)___GFP_ACCOUNT)
#define __GFP_ZEROTAGS		((gfp_t)___GFP_ZEROTAGS)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO		(__GFP_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_USER		(__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)

#endif
