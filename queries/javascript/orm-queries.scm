; ORM queries with a `where` object (rule missing-index, shared with TypeScript): Prisma
; (`prisma.user.findMany({ where: { email }, orderBy: { createdAt: "desc" } })`), Sequelize
; (`User.findAll({ where: { email: { [Op.like]: q } }, order: [["createdAt", "DESC"]] })`,
; `Order.update(values, { where })`) and TypeORM repositories
; (`users.find({ where: { email: ILike(q) }, order: { createdAt: "DESC" } })`,
; `repo.findOneBy({ email })`, `dataSource.getRepository(User).count({ where })`).
;
; One pattern names the query call; the columns are matched apart, from the `where:` or
; `order:` pair of an options object that is one of the call's arguments (`@db.argument`). A
; pattern rooted at the call would be tried at every call of every file, and would follow every
; callback passed to one; one rooted at the options object would stay alive over all of it,
; callbacks included. The call's shape says what it queries:
; - `client.user.findMany(…)`, `db.User.findAll(…)`, `this.orderRepository.find(…)`: the
;   accessor before the method (`@db.model`); the join maps a Prisma accessor, a Sequelize
;   model or a repository named after its model (`userRepository`, `users`) to its table;
; - `User.findAll(…)`, `repo.find(…)`: the identifier, or the `getRepository(User)` call a
;   variable holds (`@db.receiver`);
; - `getRepository(User).find(…)`: the call it is chained on.
; TypeORM's entity manager (`manager.find(User, { where })`) names the entity first; it has
; patterns of its own, so the accessor shapes leave `manager`, `entityManager` and `em` out.
;
; The `where` object: `{ email }` and `{ email: value }` are equalities; a Prisma operator
; object (`{ contains: q }`, `{ gte: d }`, `mode: "insensitive"`), a Sequelize `[Op.gt]` key,
; or a TypeORM operator call (`MoreThan(d)`, `In(ids)`, `ILike(q)`) is the operator. Values
; that are objects without an operator (relation filters, JSON) are left out, and so are
; `AND` / `OR` / `NOT` and `[Op.or]` (no ANDed filter to judge). A `where` deeper in the options
; (a Sequelize `include: [{ model, where }]`, a Prisma `include: { posts: { where } }`) is
; another model's and is not the call's: its object is not an argument of the call.

; ---------------------------------------------------------------------------------------------
; The query call.

((call_expression
   function: (member_expression
     object: [
       (member_expression property: (property_identifier) @db.model)
       (identifier) @db.model @db.receiver
       (call_expression) @db.receiver
     ]
     property: (property_identifier) @_method)) @db.call
 (#any-of? @_method
   "findMany" "findFirst" "findFirstOrThrow" "findUnique" "findUniqueOrThrow" "count" "aggregate"
   "groupBy" "update" "updateMany" "delete" "deleteMany" "upsert"
   "findAll" "findOne" "findAndCountAll" "findOrCreate" "findCreateFind" "destroy" "restore"
   "increment" "decrement" "max" "min" "sum"
   "find" "findOneOrFail" "findAndCount" "exist" "exists"
   "findBy" "findOneBy" "findOneByOrFail" "findAndCountBy" "countBy" "existsBy" "softDelete")
 (#not-match? @db.model "^(em|[a-zA-Z]*[mM]anager)$"))

; ---------------------------------------------------------------------------------------------
; The `where` object of the options: `method({ where: { … } })`, or the options after the
; values (`Order.update({ status }, { where: { id } })`).

; { where: { email } }, { where: { email: value } } — a value that is neither an object nor an
; operator call.
((pair
   key: (property_identifier) @_where
   value: (object [
     (shorthand_property_identifier) @db.column
     (pair key: [(property_identifier) (string)] @db.column value: (_) @_value)
   ])) @db.argument
 (#eq? @_where "where")
 (#not-any-of? @db.column "AND" "OR" "NOT")
 (#not-match? @_value "^(\\{|[A-Z][A-Za-z]*\\()"))

; Prisma operators: { where: { email: { contains: q } } } (not with `mode: "insensitive"`).
((pair
   key: (property_identifier) @_where
   value: (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (object (pair key: (property_identifier) @db.operator)) @_operators))) @db.argument
 (#eq? @_where "where")
 (#any-of? @db.operator
   "equals" "in" "notIn" "lt" "lte" "gt" "gte" "contains" "startsWith" "endsWith" "not"
   "search" "has" "hasSome" "hasEvery" "isEmpty")
 (#not-match? @_operators "mode\\s*:\\s*[\"']insensitive"))

; Prisma: { where: { email: { equals: e, mode: "insensitive" } } } compares without case (ILIKE).
((pair
   key: (property_identifier) @_where
   value: (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (object (pair
       key: (property_identifier) @_mode
       value: (string (string_fragment) @db.operator)))))) @db.argument
 (#eq? @_where "where")
 (#eq? @_mode "mode")
 (#eq? @db.operator "insensitive"))

; Sequelize operators: { where: { placedAt: { [Op.gte]: since } } }; a LIKE pattern that
; starts with a wildcard is its own operator ({ [Op.like]: `%${q}%` }).
((pair
   key: (property_identifier) @_where
   value: (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (object (pair
       key: (computed_property_name (member_expression
         object: (identifier) @_op
         property: (property_identifier) @db.operator))
       value: (_) @_pattern))))) @db.argument
 (#eq? @_where "where")
 (#eq? @_op "Op")
 (#not-match? @_pattern "^[\"'`]%"))
((pair
   key: (property_identifier) @_where
   value: (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (object (pair
       key: (computed_property_name (member_expression
         object: (identifier) @_op
         property: (property_identifier) @_like))
       value: (_) @db.operator))))) @db.argument
 (#eq? @_where "where")
 (#eq? @_op "Op")
 (#any-of? @_like "like" "iLike")
 (#match? @db.operator "^[\"'`]%"))

; TypeORM operators: { where: { placedAt: MoreThan(d), email: ILike(q) } }; Like("%…") with a
; leading wildcard is its own operator.
((pair
   key: (property_identifier) @_where
   value: (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (call_expression
       function: (identifier) @db.operator
       arguments: (arguments . (_)? @_pattern))))) @db.argument
 (#eq? @_where "where")
 (#match? @db.operator "^[A-Z]")
 (#not-match? @_pattern "^[\"'`]%"))
((pair
   key: (property_identifier) @_where
   value: (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (call_expression
       function: (identifier) @_like
       arguments: (arguments . (_) @db.operator))))) @db.argument
 (#eq? @_where "where")
 (#any-of? @_like "Like" "ILike")
 (#match? @db.operator "^[\"'`]%"))

; Sorts: Prisma `orderBy: { createdAt: "desc" }` / `[{ a: "asc" }, { b: "desc" }]`, TypeORM
; `order: { createdAt: "DESC" }`, Sequelize `order: [["createdAt", "DESC"]]`.
((pair
   key: (property_identifier) @_order
   value: [
     (object (pair key: [(property_identifier) (string)] @db.column value: (_) @_direction))
     (array (object (pair key: [(property_identifier) (string)] @db.column value: (_) @_direction)))
   ]) @db.argument
 (#any-of? @_order "orderBy" "order")
 (#not-match? @_direction "^\\{")
 (#set! db "order"))
((pair
   key: (property_identifier) @_order
   value: (array [
     (array . (string (string_fragment) @db.column))
     (string (string_fragment) @db.column)
   ])) @db.argument
 (#eq? @_order "order")
 (#not-match? @db.column "(?i)^(asc|desc)$")
 (#set! db "order"))

; ---------------------------------------------------------------------------------------------
; TypeORM's `findBy` family takes the where object itself: repo.findOneBy({ email }),
; users.countBy({ status: In(s) }), repo.delete({ token }). The call pattern above names the
; model; these name the columns of the first argument.

((call_expression
   function: (member_expression property: (property_identifier) @_method)
   arguments: (arguments . (object [
     (shorthand_property_identifier) @db.column
     (pair key: [(property_identifier) (string)] @db.column value: (_) @_value)
   ]))) @db.call
 (#any-of? @_method
   "findBy" "findOneBy" "findOneByOrFail" "findAndCountBy" "countBy" "existsBy" "delete" "softDelete")
 (#not-any-of? @db.column "where" "data" "select" "include" "AND" "OR" "NOT")
 (#not-match? @_value "^(\\{|[A-Z][A-Za-z]*\\()"))
((call_expression
   function: (member_expression property: (property_identifier) @_method)
   arguments: (arguments . (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (call_expression
       function: (identifier) @db.operator
       arguments: (arguments . (_)? @_pattern)))))) @db.call
 (#any-of? @_method
   "findBy" "findOneBy" "findOneByOrFail" "findAndCountBy" "countBy" "existsBy" "delete" "softDelete")
 (#match? @db.operator "^[A-Z]")
 (#not-match? @_pattern "^[\"'`]%"))
((call_expression
   function: (member_expression property: (property_identifier) @_method)
   arguments: (arguments . (object (pair
     key: [(property_identifier) (string)] @db.column
     value: (call_expression
       function: (identifier) @_like
       arguments: (arguments . (_) @db.operator)))))) @db.call
 (#any-of? @_method
   "findBy" "findOneBy" "findOneByOrFail" "findAndCountBy" "countBy" "existsBy" "delete" "softDelete")
 (#any-of? @_like "Like" "ILike")
 (#match? @db.operator "^[\"'`]%"))

; ---------------------------------------------------------------------------------------------
; TypeORM repositories: `dataSource.getRepository(User)`, `getRepository(User)`,
; `manager.getRepository(User)` — the root of the calls chained on it or on a variable
; holding it.
((call_expression
   function: [
     (identifier) @_get
     (member_expression property: (property_identifier) @_get)
   ]
   arguments: (arguments . (identifier) @db.model)) @db.call
 (#any-of? @_get "getRepository" "getTreeRepository" "withRepository"))

; TypeORM's entity manager: manager.find(User, { where: { email } }),
; dataSource.manager.findOneBy(Order, { reference }). The `where` and `order` options are read
; as above; the `findBy` family's second argument is the where object itself.
((call_expression
   function: (member_expression property: (property_identifier) @_method)
   arguments: (arguments . (identifier) @db.model . (object))) @db.call
 (#any-of? @_method "find" "findOne" "findOneOrFail" "findAndCount" "count" "exists")
 (#match? @db.model "^[A-Z]"))
((call_expression
   function: (member_expression property: (property_identifier) @_method)
   arguments: (arguments
     . (identifier) @db.model
     . (object [
       (shorthand_property_identifier) @db.column
       (pair key: [(property_identifier) (string)] @db.column value: (_) @_value)
     ]))) @db.call
 (#any-of? @_method "findBy" "findOneBy" "findOneByOrFail" "findAndCountBy" "countBy" "existsBy")
 (#match? @db.model "^[A-Z]")
 (#not-match? @_value "^(\\{|[A-Z][A-Za-z]*\\()"))
