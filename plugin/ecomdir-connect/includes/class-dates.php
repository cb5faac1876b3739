<?php
/**
 * The contract's dates: ISO-8601, always written in UTC with a Z.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Dates {
	const ISO_PATTERN = '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/';

	/** @return int|null UNIX time, or null when $value is not an ISO-8601 date-time with an offset. */
	public static function parse( $value ) {
		if ( ! is_string( $value ) || ! preg_match( self::ISO_PATTERN, $value ) ) {
			return null;
		}
		try {
			return ( new DateTimeImmutable( $value ) )->getTimestamp();
		} catch ( Exception $e ) {
			return null;
		}
	}

	public static function to_iso( $timestamp ) {
		return null === $timestamp ? null : gmdate( 'Y-m-d\TH:i:s\Z', (int) $timestamp );
	}

	/** @param DateTimeInterface|null $date */
	public static function iso_of( $date ) {
		return $date instanceof DateTimeInterface ? self::to_iso( $date->getTimestamp() ) : null;
	}

	/** For people: the site's time zone and formats. */
	public static function for_display( $iso ) {
		$ts = self::parse( (string) $iso );
		return null === $ts ? '' : wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), $ts );
	}
}
