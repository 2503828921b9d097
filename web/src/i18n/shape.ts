// The shape of a message tree: the same keys, every text a string, so each language's texts are checked against English.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
