import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { validationFailed } from '../app-exception';

/** Path ids must be UUIDs; anything else is a 400 naming the parameter (never a database error). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (!isUUID(value)) throw validationFailed([{ field: this.name, constraint: 'isUuid', message: `${this.name} must be a UUID` }]);
    return value;
  }
}
