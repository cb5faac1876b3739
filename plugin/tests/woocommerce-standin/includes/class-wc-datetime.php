<?php
/**
 * TEST STAND-IN for WooCommerce's WC_DateTime (a DateTime that knows the site offset).
 */

defined( 'ABSPATH' ) || exit;

class WC_DateTime extends DateTime {
	/** ISO 8601, as WooCommerce's __toString. */
	public function __toString() {
		return $this->format( DATE_ATOM );
	}

	/** Timestamp shifted by the object's offset, like WooCommerce's. */
	public function getOffsetTimestamp() {
		return $this->getTimestamp() + $this->getOffset();
	}

	/** Format in the site locale, like WooCommerce's. */
	public function date_i18n( $format = 'Y-m-d' ) {
		return date_i18n( $format, $this->getOffsetTimestamp() );
	}

	/** Builds a WC_DateTime in the site time zone from a UNIX timestamp. */
	public static function from_timestamp( $ts ) {
		$dt = new self( '@' . (int) $ts );
		$dt->setTimezone( wp_timezone() );
		return $dt;
	}
}
