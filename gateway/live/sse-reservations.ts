import type { LiveSettings } from './settings';

/** Why a reservation is refused: its principal holds its share already, or the gateway holds all it may. */
export type ReservationRefusal = 'PER_PRINCIPAL' | 'OVERALL';

interface Reservation {
  owner: string;
  /** Until its client opens the stream: then the reservation is ended. */
  expiry?: NodeJS.Timeout;
  /** Ends the reservation through the handler that made it. */
  end: () => Promise<void>;
}

/**
 * The reserved streams of graphql-sse's single-connection mode (`PUT <path>/stream`), which the
 * library keeps until their stream is opened and closed, and never expires: here each has an
 * owner (the principal that reserved it), each principal and the gateway hold a bounded number,
 * and one whose stream is not opened within its lifetime is ended (through the handler that made
 * it, so the library forgets it too).
 */
export class SseReservations {
  private readonly held = new Map<string, Reservation>();
  private readonly perOwner = new Map<string, number>();

  constructor(private readonly settings: Pick<LiveSettings, 'sseReservationMs' | 'sseReservationsPerPrincipal' | 'sseReservations'>) {}

  /** Holds a place for `token`, or says why not. Release it if the stream is not created after all. */
  reserve(owner: string, token: string, end: () => Promise<void>): ReservationRefusal | null {
    if ((this.perOwner.get(owner) ?? 0) >= this.settings.sseReservationsPerPrincipal) return 'PER_PRINCIPAL';
    if (this.held.size >= this.settings.sseReservations) return 'OVERALL';
    const expiry = setTimeout(() => void this.expire(token), this.settings.sseReservationMs);
    expiry.unref();
    this.held.set(token, { owner, expiry, end });
    this.perOwner.set(owner, (this.perOwner.get(owner) ?? 0) + 1);
    return null;
  }

  /** The principal that reserved `token` (undefined: no such reservation). */
  ownerOf(token: string): string | undefined {
    return this.held.get(token)?.owner;
  }

  /** Its client opened the stream: it lasts as long as the stream does. */
  opened(token: string): void {
    const reservation = this.held.get(token);
    if (reservation?.expiry) clearTimeout(reservation.expiry);
    if (reservation) reservation.expiry = undefined;
  }

  /** The stream ended (or was never created): its place is free. */
  release(token: string): void {
    const reservation = this.held.get(token);
    if (!reservation) return;
    if (reservation.expiry) clearTimeout(reservation.expiry);
    this.held.delete(token);
    const count = (this.perOwner.get(reservation.owner) ?? 1) - 1;
    if (count > 0) this.perOwner.set(reservation.owner, count);
    else this.perOwner.delete(reservation.owner);
  }

  /** Reservations held now (diagnostics). */
  get size(): number {
    return this.held.size;
  }

  close(): void {
    for (const token of [...this.held.keys()]) this.release(token);
  }

  private async expire(token: string): Promise<void> {
    const reservation = this.held.get(token);
    if (!reservation?.expiry) return;
    try {
      await reservation.end();
    } finally {
      // Opened meanwhile: it stays (and is released when its stream ends).
      if (this.held.get(token)?.expiry) this.release(token);
    }
  }
}
