<?php
/**
 * A small JSON Schema (draft 2020-12) validator for the subset used by
 * docs/schemas/unified-order.schema.json: type, const, enum, properties, required,
 * additionalProperties, items, pattern, format date-time, min/maxLength, minimum/maximum,
 * oneOf, and $ref to "#" or "#/$defs/<name>". An unknown keyword fails loudly, so the schema
 * cannot grow past what is really checked here.
 */
final class Json_Schema_Validator {
	const KNOWN = array( '$schema', '$id', 'title', 'description', 'type', 'const', 'enum', 'properties', 'required', 'additionalProperties', 'items', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'oneOf', '$ref', '$defs' );

	/** @var array */
	private $root;

	public function __construct( array $root ) {
		$this->root = $root;
	}

	public static function from_file( $path ) {
		return new self( json_decode( (string) file_get_contents( $path ), true, 512, JSON_THROW_ON_ERROR ) );
	}

	/**
	 * @param mixed  $data decoded with json_decode( ..., false ) so objects and arrays differ.
	 * @return string[] errors, empty when valid
	 */
	public function validate( $data, $ref = '#' ) {
		return $this->check( $data, $this->resolve( $ref ), '$' );
	}

	private function resolve( $ref ) {
		if ( '#' === $ref ) {
			return $this->root;
		}
		if ( preg_match( '~^#/\$defs/([A-Za-z0-9_]+)$~', $ref, $m ) && isset( $this->root['$defs'][ $m[1] ] ) ) {
			return $this->root['$defs'][ $m[1] ];
		}
		throw new InvalidArgumentException( "unsupported \$ref $ref" );
	}

	private function check( $v, array $s, $path ) {
		$unknown = array_diff( array_keys( $s ), self::KNOWN );
		if ( $unknown ) {
			throw new InvalidArgumentException( 'unsupported keywords: ' . implode( ', ', $unknown ) );
		}
		if ( isset( $s['$ref'] ) ) {
			$errors = $this->check( $v, $this->resolve( $s['$ref'] ), $path );
			unset( $s['$ref'] );
			return array_merge( $errors, $this->check( $v, $s, $path ) );
		}
		if ( isset( $s['oneOf'] ) ) {
			$matches = 0;
			foreach ( $s['oneOf'] as $alt ) {
				$matches += $this->check( $v, $alt, $path ) ? 0 : 1;
			}
			if ( 1 !== $matches ) {
				return array( "$path: matches $matches of oneOf, expected exactly 1" );
			}
		}
		if ( array_key_exists( 'const', $s ) && $v !== $s['const'] ) {
			return array( "$path: must be " . json_encode( $s['const'] ) );
		}
		if ( isset( $s['enum'] ) && ! in_array( $v, $s['enum'], true ) ) {
			return array( "$path: not in enum" );
		}
		if ( isset( $s['type'] ) && ! in_array( self::type_of( $v ), (array) $s['type'], true )
			&& ! ( 'integer' === self::type_of( $v ) && in_array( 'number', (array) $s['type'], true ) ) ) {
			return array( "$path: expected " . implode( '|', (array) $s['type'] ) . ', got ' . self::type_of( $v ) );
		}
		$errors = array();
		if ( is_string( $v ) ) {
			if ( isset( $s['pattern'] ) && ! preg_match( '/' . str_replace( '/', '\/', $s['pattern'] ) . '/u', $v ) ) {
				$errors[] = "$path: \"$v\" does not match {$s['pattern']}";
			}
			if ( isset( $s['minLength'] ) && mb_strlen( $v ) < $s['minLength'] ) {
				$errors[] = "$path: shorter than {$s['minLength']}";
			}
			if ( isset( $s['maxLength'] ) && mb_strlen( $v ) > $s['maxLength'] ) {
				$errors[] = "$path: longer than {$s['maxLength']}";
			}
			if ( 'date-time' === ( $s['format'] ?? '' ) && ! preg_match( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/', $v ) ) {
				$errors[] = "$path: not an RFC 3339 date-time";
			}
		}
		if ( is_int( $v ) || is_float( $v ) ) {
			if ( isset( $s['minimum'] ) && $v < $s['minimum'] ) {
				$errors[] = "$path: below {$s['minimum']}";
			}
			if ( isset( $s['maximum'] ) && $v > $s['maximum'] ) {
				$errors[] = "$path: above {$s['maximum']}";
			}
		}
		if ( $v instanceof stdClass ) {
			$props = get_object_vars( $v );
			foreach ( $s['required'] ?? array() as $name ) {
				if ( ! array_key_exists( $name, $props ) ) {
					$errors[] = "$path: missing $name";
				}
			}
			foreach ( $props as $name => $value ) {
				if ( isset( $s['properties'][ $name ] ) ) {
					$errors = array_merge( $errors, $this->check( $value, $s['properties'][ $name ], "$path.$name" ) );
				} elseif ( false === ( $s['additionalProperties'] ?? true ) ) {
					$errors[] = "$path: unexpected property $name";
				} elseif ( is_array( $s['additionalProperties'] ?? null ) ) {
					$errors = array_merge( $errors, $this->check( $value, $s['additionalProperties'], "$path.$name" ) );
				}
			}
		}
		if ( is_array( $v ) && isset( $s['items'] ) ) {
			foreach ( $v as $i => $item ) {
				$errors = array_merge( $errors, $this->check( $item, $s['items'], "{$path}[$i]" ) );
			}
		}
		return $errors;
	}

	private static function type_of( $v ) {
		if ( null === $v ) {
			return 'null';
		}
		if ( is_bool( $v ) ) {
			return 'boolean';
		}
		if ( is_int( $v ) ) {
			return 'integer';
		}
		if ( is_float( $v ) ) {
			return 'number';
		}
		if ( is_string( $v ) ) {
			return 'string';
		}
		return $v instanceof stdClass ? 'object' : 'array';
	}
}
