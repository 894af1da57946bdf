import type { PlatformParams } from '../params.js';

/** Platform fee plus payment fee on settled sales; the platform fee is waived for welfare sales if the platform says so. */
export function platformFeeRate(platform: PlatformParams, welfare: boolean): number {
  const fee = welfare && platform.welfare.feeWaiver ? 0 : platform.feeRate;
  return fee + platform.paymentFeeRate;
}
